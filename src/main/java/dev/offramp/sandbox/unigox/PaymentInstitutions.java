package dev.offramp.sandbox.unigox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which institution a payout profile resolves to. The contract lets {@code institution_id} be
 * omitted only on some rails, each resolving to a fixed institution; every other rail needs one.
 */
final class PaymentInstitutions {

    private static final Map<String, String> DEFAULT_FOR_RAIL = Map.of(
            "iban-sepa", "other-bank",
            "nip-nigeria", "other-bank",
            "faster-payments", "other-bank",
            "imps-neft-india", "imps-or-neft-transfer",
            "alipay-wallet", "alipay",
            "wechat-wallet", "wechat-pay",
            "interac-e-transfer", "interac-e-transfers");

    private PaymentInstitutions() {
    }

    /** The institution to use, or null when the rail requires one and none was given. */
    static String resolve(String rail, String institutionId) {
        if ("imps-neft-india".equals(rail)) {
            // the contract: ignored on this rail, the bank comes from bank_name + ifsc_code
            return DEFAULT_FOR_RAIL.get(rail);
        }
        if (institutionId != null && !institutionId.isBlank()) {
            return institutionId;
        }
        return DEFAULT_FOR_RAIL.get(rail);
    }

    /** A display name from the slug ({@code guaranty-trust-bank} → {@code Guaranty Trust Bank}). */
    static String displayName(String institutionId) {
        return Arrays.stream(institutionId.split("-"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
                .collect(Collectors.joining(" "));
    }
}
