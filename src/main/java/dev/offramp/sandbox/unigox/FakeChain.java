package dev.offramp.sandbox.unigox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The on-chain side, faked: plausible, deterministic addresses and hashes, the ERC-20 transfer
 * calldata the partner would sign, and the forwarder nonce of the partner wallet (which each accepted
 * authorization uses up). Nothing here talks to a chain and signatures are never verified. The RPC
 * URL uses the reserved {@code .invalid} domain so nothing can reach a real network by accident.
 */
final class FakeChain {

    static final String NETWORK_PRESET = "xai-sandbox";
    /** The XAI chain id the contract's examples use. */
    static final String CHAIN_ID = "660279";
    static final String RPC_URL = "https://rpc.sandbox.unigox.invalid";
    static final String FORWARDER = "0x" + "f0".repeat(20);
    static final String PARTNER_WALLET = "0x674b16054290b4f06D7Ba8e3Ac379E3B0a359a16";
    static final int TOKEN_DECIMALS = 6;
    static final String RECOMMENDED_GAS = "500000";
    static final int RECOMMENDED_TTL_SECONDS = 3600;

    private static final Map<String, String> TOKENS = Map.of(
            "USDT", "0x" + "11".repeat(20),
            "USDC", "0x" + "22".repeat(20));

    private long forwarderNonce;

    long forwarderNonce() {
        return forwarderNonce;
    }

    void useNonce() {
        forwarderNonce++;
    }

    void reset() {
        forwarderNonce = 0;
    }

    static String token(String crypto) {
        return TOKENS.get(crypto);
    }

    /** The order's escrow (a Safe on the real platform): derived from the order id, so it is stable. */
    static String escrow(String orderId) {
        return "0x" + sha256Hex("escrow:" + orderId).substring(0, 40);
    }

    static String txHash(String seed) {
        return "0x" + sha256Hex("tx:" + seed);
    }

    static String atomic(BigDecimal amount) {
        return amount.movePointRight(TOKEN_DECIMALS).toBigIntegerExact().toString();
    }

    /** ERC-20 {@code transfer(address,uint256)}: selector a9059cbb, then both arguments as 32-byte words. */
    static String transferCalldata(String recipient, BigDecimal amount) {
        String to = recipient.substring(2).toLowerCase(Locale.ROOT);
        String value = amount.movePointRight(TOKEN_DECIMALS).toBigIntegerExact().toString(16);
        return "0xa9059cbb" + "0".repeat(64 - to.length()) + to + "0".repeat(64 - value.length()) + value;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
