package dev.offramp.unigox;

import dev.offramp.users.Kyc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Unigox's KYC values map onto the bundle's one KYC vocabulary ({@link Kyc}). Unigox names a rejection
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

    private static final Map<String, String> FROM_UNIGOX = Map.of(
            "NOT_INITIATED", Kyc.NOT_STARTED,
            "PENDING_DOCUMENTS", Kyc.PENDING_DOCUMENTS,
            "IN_PROGRESS", Kyc.IN_PROGRESS,
            "UNDER_REVIEW", Kyc.UNDER_REVIEW,
            "VERIFIED", Kyc.VERIFIED,
            "VERIFICATION_REJECTED", Kyc.REJECTED,
            "REJECTED", Kyc.REJECTED,
            "FAILED", Kyc.FAILED);

    /** Our status for Unigox's value; null when Unigox gave none. */
    public String status(Object providerStatus) {
        if (providerStatus == null || providerStatus.toString().isBlank()) {
            return null;
        }
        return FROM_UNIGOX.getOrDefault(providerStatus.toString().trim().toUpperCase(Locale.ROOT), Kyc.UNKNOWN);
    }

    /**
     * The reasons to keep (a JSON array of strings) for a status Unigox reported: only a rejection or
     * a failure carries reasons; any other status clears them. Accepts a list, a JSON array text or
     * a single string.
     */
    public String rejectionReasons(Object providerStatus, Object reasons) {
        String status = status(providerStatus);
        if (!Kyc.REJECTED.equals(status) && !Kyc.FAILED.equals(status)) {
            return null;
        }
        List<String> list = Kyc.reasons(reasons);
        return list.isEmpty() ? null : Kyc.stored(list);
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
        view.put("status", status == null ? Kyc.NOT_STARTED : status);
        view.put("provider_status", providerStatus);
        String kept = rejectionReasons(providerStatus, reasonsField == null ? null : upstream.get(reasonsField));
        view.put("rejection_reasons", Kyc.reasons(kept));
        upstream.forEach((k, v) -> {
            if (!k.equals(statusField)) {
                view.putIfAbsent(k, v);
            }
        });
        return view;
    }
    /**
     * Unigox's readiness answer ({@code POST /users/{user_uuid}/kyc/verify}) as our API gives it:
     * {@code ready}; {@code status} in our vocabulary and {@code provider_status} Unigox's value (both null
     * when not ready: Unigox gives a status only once verification runs or is done); {@code missing}, what
     * is still to provide in Unigox's generic names ({@code identity_document}, {@code selfie},
     * {@code kyc_data}; empty when ready); {@code message}.
     */
    public Map<String, Object> readiness(Map<String, Object> upstream) {
        Object providerStatus = upstream.get("status");
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("ready", Boolean.TRUE.equals(upstream.get("ready")));
        view.put("status", status(providerStatus));
        view.put("provider_status", providerStatus);
        view.put("missing", upstream.get("missing") instanceof List<?> missing ? new java.util.ArrayList<>(missing) : List.of());
        view.put("message", upstream.get("message"));
        return view;
    }

    /**
     * The answer of {@code PATCH /api/v1/users/{id}/kyc}: our user as {@code GET /api/v1/users/{id}} shows
     * it, with {@code updated_fields}, the fields Unigox says reached its record.
     */
    public Map<String, Object> updated(Map<String, Object> userView, Map<String, Object> upstream) {
        Map<String, Object> view = new LinkedHashMap<>(userView);
        view.put("updated_fields", upstream.get("updated_fields") instanceof List<?> fields ? new java.util.ArrayList<>(fields) : List.of());
        return view;
    }
}
