package dev.offramp.sandbox.changelly;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One callback the simulator tried to deliver, as {@code GET /_sandbox/callbacks} lists it.
 *
 * @param sequence increasing in the order the callbacks were queued (and sent); not restarted by a reset
 * @param status the status the body claimed (differs from the stored one only for a lying callback)
 * @param reason {@code status-change}, {@code sandbox-patch}, {@code resend} or {@code lie}
 * @param signature the x-callback-signature sent; null if it was never sent
 * @param body the JSON body sent
 * @param httpStatus the receiver's answer; null if none came (no URL, refused, timed out)
 * @param error why it failed, or null
 */
record CallbackDelivery(long sequence, String orderId, String status, String reason, String url, String signature,
                        Map<String, Object> body, Integer httpStatus, String error, Instant sentAt) {

    boolean delivered() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", sequence);
        json.put("orderId", orderId);
        json.put("status", status);
        json.put("reason", reason);
        json.put("url", url);
        json.put("signature", signature);
        json.put("outcome", delivered() ? "delivered" : "failed");
        json.put("httpStatus", httpStatus);
        json.put("error", error);
        json.put("sentAt", ChangellyJson.timestamp(sentAt));
        json.put("body", body);
        return json;
    }
}
