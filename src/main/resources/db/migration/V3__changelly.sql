-- Changelly: the provider's selling page the user is sent to for an order.
ALTER TABLE orders ADD COLUMN redirect_url VARCHAR(2000);
