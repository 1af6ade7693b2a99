package dev.offramp.sandbox.changelly;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sandbox's address rules for {@code POST /v1/validate-address} and for refund addresses of new
 * orders. Deliberately simple shape checks (no checksums): enough to tell a plausible address from a typo.
 * <ul>
 *   <li>ethereum-network tokens (ETH, USDT, USDT20, USDC): {@code 0x} + 40 hex digits;</li>
 *   <li>BTC: base58 starting with {@code 1} or {@code 3} (26-35 chars), or bech32 starting with {@code bc1};</li>
 *   <li>XRP: base58 starting with {@code r} (25-35 chars); its destination tag, if any, is up to 10 digits.</li>
 * </ul>
 * A walletExtraId for a currency without one ({@code extraIdName == null}) is refused.
 */
final class AddressValidator {

    private static final Pattern ETHEREUM = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern BITCOIN_LEGACY = Pattern.compile("[13][1-9A-HJ-NP-Za-km-z]{25,34}");
    private static final Pattern BITCOIN_BECH32 = Pattern.compile("bc1[02-9ac-hj-np-z]{11,71}");
    private static final Pattern RIPPLE = Pattern.compile("r[1-9A-HJ-NP-Za-km-z]{24,34}");
    private static final Pattern RIPPLE_TAG = Pattern.compile("\\d{1,10}");

    /** The documented answer's {@code cause}: which of the two inputs is wrong, or empty if both are fine. */
    Optional<String> problem(CatalogCurrency currency, String walletAddress, String walletExtraId) {
        if (walletAddress == null || !addressMatches(currency, walletAddress)) {
            return Optional.of("walletAddress");
        }
        if (walletExtraId != null && !walletExtraId.isEmpty()) {
            boolean fits = currency.extraIdName() != null && RIPPLE_TAG.matcher(walletExtraId).matches();
            if (!fits) {
                return Optional.of("walletExtraId");
            }
        }
        return Optional.empty();
    }

    private static boolean addressMatches(CatalogCurrency currency, String address) {
        return switch (currency.network()) {
            case "ethereum" -> ETHEREUM.matcher(address).matches();
            case "bitcoin" -> BITCOIN_LEGACY.matcher(address).matches() || BITCOIN_BECH32.matcher(address).matches();
            case "ripple" -> RIPPLE.matcher(address).matches();
            default -> false;
        };
    }
}
