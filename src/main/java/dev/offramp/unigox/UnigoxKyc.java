package dev.offramp.unigox;

import dev.offramp.http.JsonBodies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundle's one KYC vocabulary and how Unigox's values map onto it. Unigox names a rejection
 * {@code VERIFICATION_REJECTED} in its API answers and {@code REJECTED} in the {@code user.kyc.updated}
 * webhook (its prose also writes {@code verified}/{@code rejected} in lower case); both are
 * {@code rejected} here, with Unigox's own value kept beside it.
 *
 * <pre>
 * ours               Unigox
 * not_started        NOT_INITIATED (and a user with no Unigox account yet)
 * pending_documents  PENDING_DOCUMENTS
 * in_progress        IN_PROGRESS
 * under_review       UNDER_REVIEW
 * verified           VERIFIED
 * rejected           VERIFICATION_REJECTED, REJECTED
 * failed             FAILED
 * unknown            anything else (kept raw in provider_status)
 * </pre>
 */
public final class UnigoxKyc {

    public static final String NOT_STARTED = "not_started";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    public static final String UNKNOWN = "unknown";

    /** Room the order store has for the reasons (users.kyc_rejection_reasons). */
    static final int MAX_REASONS_JSON = 4000;

    private static final Map<String, String> FROM_UNIGOX = Map.of(
            "NOT_INITIATED", NOT_STARTED,
            "PENDING_DOCUMENTS", "pending_documents",
            "IN_PROGRESS", "in_progress",
            "UNDER_REVIEW", "under_review",
            "VERIFIED", "verified",
            "VERIFICATION_REJECTED", REJECTED,
            "REJECTED", REJECTED,
            "FAILED", FAILED);

    /** Our status for Unigox's value; null when Unigox gave none. */
    public String status(Object providerStatus) {
        if (providerStatus == null || providerStatus.toString().isBlank()) {
            return null;
        }
        return FROM_UNIGOX.getOrDefault(providerStatus.toString().trim().toUpperCase(Locale.ROOT), UNKNOWN);
    }

    /**
     * The reasons to keep (a JSON array of strings) for a status Unigox reported: only a rejection or
     * a failure carries reasons; any other status clears them. Accepts a list, a JSON array text or
     * a single string.
     */
    public String rejectionReasons(Object providerStatus, Object reasons) {
        String status = status(providerStatus);
        if (!REJECTED.equals(status) && !FAILED.equals(status)) {
            return null;
        }
        List<String> list = reasons(reasons);
        return list.isEmpty() ? null : fitted(list);
    }

    /** The reasons as kept (JSON array text), as given (list), or a lone string; never null. */
    public static List<String> reasons(Object stored) {
        List<String> out = new ArrayList<>();
        if (stored == null) {
            return out;
        }
        Object value = stored;
        if (stored instanceof String text) {
            if (text.isBlank()) {
                return out;
            }
            if (text.trim().startsWith("[")) {
                try {
                    value = JsonBodies.parse(text);
                } catch (Exception notJson) {
                    value = text;
                }
            }
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (item != null && !item.toString().isBlank()) {
                    out.add(item.toString());
                }
            }
        } else if (!value.toString().isBlank()) {
            out.add(value.toString());
        }
        return out;
    }

    /**
     * A KYC answer of Unigox (verification-status, kyc-submissions) as our API gives it: {@code status}
     * in our vocabulary, {@code provider_status} Unigox's value, {@code rejection_reasons} (a list,
     * empty unless rejected or failed), then Unigox's other fields as they came.
     *
     * @param statusField where Unigox put its status ({@code status} or {@code kyc_status})
     * @param reasonsField where Unigox put messages that are reasons when it rejects ({@code provider_messages}), or null
     */
    public Map<String, Object> answer(Map<String, Object> upstream, String statusField, String reasonsField) {
        Object providerStatus = upstream.get(statusField);
        Map<String, Object> view = new LinkedHashMap<>();
        String status = status(providerStatus);
        view.put("status", status == null ? NOT_STARTED : status);
        view.put("provider_status", providerStatus);
        String kept = rejectionReasons(providerStatus, reasonsField == null ? null : upstream.get(reasonsField));
        view.put("rejection_reasons", reasons(kept));
        upstream.forEach((k, v) -> {
            if (!k.equals(statusField)) {
                view.putIfAbsent(k, v);
            }
        });
        return view;
    }

    /** As many reasons as fit the column, in order; a single reason too long for it is cut. */
    private static String fitted(List<String> reasons) {
        List<String> kept = new ArrayList<>(reasons);
        String json = JsonBodies.toJson(kept);
        while (json.length() > MAX_REASONS_JSON && kept.size() > 1) {
            kept.remove(kept.size() - 1);
            json = JsonBodies.toJson(kept);
        }
        if (json.length() > MAX_REASONS_JSON) {
            String only = kept.get(0);
            int cut = Math.max(0, only.length() - (json.length() - MAX_REASONS_JSON) - 1);
            json = JsonBodies.toJson(List.of(only.substring(0, cut) + "…"));
            while (json.length() > MAX_REASONS_JSON && cut > 0) {
                cut = Math.max(0, cut - 100);
                json = JsonBodies.toJson(List.of(only.substring(0, cut) + "…"));
            }
        }
        return json;
    }
}
