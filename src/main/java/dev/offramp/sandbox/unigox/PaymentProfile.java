package dev.offramp.sandbox.unigox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A payout beneficiary of one user. Its id is a number internally: the quote request sends it as a
 * JSON integer, while profiles and webhooks show it as a string ({@code "987"}), as the contract does.
 */
record PaymentProfile(long id, String userUuid, String currency, String rail, String institutionId,
                      String institutionName, JsonNode details, String countryCode) {

    String paymentDetailsId() {
        return Long.toString(id);
    }

    Map<String, Object> view() {
        return UnigoxJson.object(
                "payment_details_id", paymentDetailsId(),
                "rail", rail,
                "currency", currency,
                "institution_name", institutionName,
                "institution_id", institutionId,
                "details", details);
    }
}
