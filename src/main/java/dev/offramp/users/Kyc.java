package dev.offramp.users;

import dev.offramp.http.JsonBodies;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundle's one KYC vocabulary: the statuses {@code users.kyc_status} holds and the API answers
 * ({@code kyc.status}), and the rejection reasons as {@code users.kyc_rejection_reasons} keeps them (a
 * JSON array of strings). The provider's own value is kept beside it ({@code provider_status}); how a
 * provider's values map onto this one is up to the provider's package (Unigox: {@code dev.offramp.unigox.UnigoxKyc}).
 */
public final class Kyc {

    public static final String NOT_STARTED = "not_started";
    public static final String PENDING_DOCUMENTS = "pending_documents";
    public static final String IN_PROGRESS = "in_progress";
    public static final String UNDER_REVIEW = "under_review";
    public static final String VERIFIED = "verified";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    /** A provider value this vocabulary has no word for (the value itself is kept in provider_status). */
    public static final String UNKNOWN = "unknown";

    /** Room the order store has for the reasons (users.kyc_rejection_reasons). */
    public static final int MAX_REASONS_JSON = 4000;

    private Kyc() {
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
     * The reasons as {@code users.kyc_rejection_reasons} keeps them: a JSON array of strings, as many as
     * fit the column, in order; a single reason too long for it is cut.
     */
    public static String stored(List<String> reasons) {
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
