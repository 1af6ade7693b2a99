package dev.offramp.sandbox.unigox;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * GET /orders/{order_id}/refund-authorization-parameters: the escrow Safe's transaction that sends the
 * funded amount back to the seller side, which on a partner order is the partner's wallet (so
 * {@code signer_address} and {@code recipient_address} are the same, as the contract says). The
 * fields and their forms follow the contract's example; the calldata is a real ERC-20 transfer.
 */
final class RefundParameters {

    private static final String ZERO_ADDRESS = "0x" + "0".repeat(40);

    private RefundParameters() {
    }

    static Map<String, Object> of(SimulatedOrder order) {
        Price price = order.price();
        BigDecimal funded = price.fundedAmount();
        String escrow = FakeChain.escrow(order.orderId());
        String token = FakeChain.token(price.cryptoCurrency());
        return UnigoxJson.object(
                "order_id", order.orderId(),
                "status", order.status().readsAs(),
                "escrow_address", escrow,
                "signer_address", FakeChain.PARTNER_WALLET,
                "recipient_address", FakeChain.PARTNER_WALLET,
                "amount_human", UnigoxAmounts.crypto(funded),
                "crypto_currency", price.cryptoCurrency(),
                "crypto_decimals", FakeChain.TOKEN_DECIMALS,
                "direction", "to_seller",
                "safe_params", UnigoxJson.object(
                        "to", token,
                        "value", "0",
                        "data", FakeChain.transferCalldata(FakeChain.PARTNER_WALLET, funded),
                        "operation", 0,
                        "safeTxGas", "0",
                        "baseGas", "0",
                        "gasPrice", "0",
                        "gasToken", ZERO_ADDRESS,
                        "refundReceiver", ZERO_ADDRESS,
                        "nonce", "0"),
                "domain", UnigoxJson.object(
                        "chainId", Integer.parseInt(FakeChain.CHAIN_ID),
                        "verifyingContract", escrow),
                "types", UnigoxJson.object("SafeTx", List.of(
                        UnigoxJson.object("name", "to", "type", "address"),
                        UnigoxJson.object("name", "value", "type", "uint256"),
                        UnigoxJson.object("name", "data", "type", "bytes"),
                        UnigoxJson.object("name", "operation", "type", "uint8"),
                        UnigoxJson.object("name", "safeTxGas", "type", "uint256"),
                        UnigoxJson.object("name", "baseGas", "type", "uint256"),
                        UnigoxJson.object("name", "gasPrice", "type", "uint256"),
                        UnigoxJson.object("name", "gasToken", "type", "address"),
                        UnigoxJson.object("name", "refundReceiver", "type", "address"),
                        UnigoxJson.object("name", "nonce", "type", "uint256"))),
                "authorization_path", UnigoxSimulator.PARTNER + "/orders/" + order.orderId() + "/authorize-refund");
    }
}
