package dev.offramp.sandbox.changelly;

import dev.offramp.sandbox.SandboxResponse;
import java.util.Map;

/**
 * What a sandbox order's {@code redirectUrl} shows: with sandbox keys the real API redirects to a Changelly
 * selling page rather than a provider's, and this stands in for it. Read-only; the order moves by the clock
 * or the sandbox endpoints. Needs no authentication, like a page a user's browser opens.
 */
final class CheckoutPage {

    private final OrderBook orders;

    CheckoutPage(OrderBook orders) {
        this.orders = orders;
    }

    SandboxResponse render(String orderId) {
        return orders.find(orderId)
                .map(order -> html(200, "Sell " + escape(order.amountFrom()) + " " + escape(order.currencyFrom()),
                        "<p>Order <code>" + escape(order.orderId()) + "</code> via " + escape(order.providerCode()) + "</p>"
                                + "<p>You send " + escape(order.amountFrom()) + " " + escape(order.currencyFrom())
                                + " and receive about " + escape(order.amountExpectedTo()) + " " + escape(order.currencyTo())
                                + " by " + escape(order.paymentMethod()) + ".</p>"
                                + "<p>Status: <strong>" + escape(order.status().name()) + "</strong></p>"))
                .orElseGet(() -> html(404, "Unknown order", "<p>No sandbox order with this id.</p>"));
    }

    private static SandboxResponse html(int status, String title, String content) {
        String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Changelly sandbox: " + title
                + "</title></head><body><h1>" + title + "</h1>" + content
                + "<p><small>Changelly Fiat API sandbox simulator</small></p></body></html>";
        return new SandboxResponse(status, "text/html; charset=utf-8", page, Map.of());
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
