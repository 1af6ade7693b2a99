package dev.offramp.users;

import dev.offramp.http.ApiProblem;
import dev.offramp.http.Identifiers;
import dev.offramp.http.JsonBodies;
import dev.offramp.orders.OrderViews;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Our users: the create-or-get request, its answer, and the view of a user with the upstream accounts
 * linked to it and its KYC status. A user belongs to the business: creating one calls no upstream.
 */
public final class Users {

    static final int MAX_USER_REF = 200;
    static final int MAX_EMAIL = 320;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** {@code {"user_ref", "email"?}}: user_ref required (printable, see Identifiers), email optional but an address. */
    public Map<String, Object> createRequest(Map<String, Object> body) {
        String userRef = JsonBodies.requiredString(body, "user_ref", MAX_USER_REF);
        // printable, bounded (dev.offramp.http.Identifiers): nothing PostgreSQL cannot store, nothing that forges a log line
        Identifiers.text(userRef, "user_ref", MAX_USER_REF);
        String email = JsonBodies.optionalString(body, "email", MAX_EMAIL);
        if (email != null && email.isEmpty()) {
            email = null;
        }
        if (email != null && (!EMAIL.matcher(email).matches() || Identifiers.textProblem(email, MAX_EMAIL) != null)) {
            throw ApiProblem.badField("email", "email must be an e-mail address");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("user_ref", userRef);
        request.put("email", email);
        return request;
    }

    /**
     * The answer's status once the row is written or found: 201 when this request inserted it, 200 when
     * the user_ref was there. The stored email is never replaced: another email than the stored one is
     * a 409 naming {@code email} (a missing one was filled in before this is asked).
     */
    public int createStatus(Map<String, Object> row, Map<String, Object> request, Integer inserted) {
        if (row == null) {
            throw new IllegalStateException("the user was written but cannot be read back");
        }
        Object asked = request.get("email");
        Object stored = row.get("email");
        if (asked != null && stored != null && !asked.toString().toLowerCase(Locale.ROOT).equals(stored.toString().toLowerCase(Locale.ROOT))) {
            throw new ApiProblem(409, "user_ref_conflict", "user_ref '" + row.get("user_ref")
                    + "' already belongs to a user with another email; create-or-get never changes it", "email", null);
        }
        return inserted != null && inserted == 1 ? 201 : 200;
    }

    /** Our user: who it is, the upstream accounts linked to it (null when not linked yet), its KYC. */
    public Map<String, Object> view(Map<String, Object> row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.get("id"));
        view.put("user_ref", row.get("user_ref"));
        view.put("email", row.get("email"));
        view.put("created_at", OrderViews.time(row.get("created_at")));
        Map<String, Object> accounts = new LinkedHashMap<>();
        if (row.get("unigox_user_uuid") == null) {
            accounts.put("unigox", null);
        } else {
            Map<String, Object> unigox = new LinkedHashMap<>();
            unigox.put("user_uuid", row.get("unigox_user_uuid"));
            unigox.put("linked_at", OrderViews.time(row.get("unigox_linked_at")));
            accounts.put("unigox", unigox);
        }
        view.put("accounts", accounts);
        Map<String, Object> kyc = new LinkedHashMap<>();
        kyc.put("status", row.get("kyc_status") == null ? Kyc.NOT_STARTED : row.get("kyc_status"));
        kyc.put("provider", "unigox");
        kyc.put("provider_status", row.get("kyc_provider_status"));
        kyc.put("rejection_reasons", Kyc.reasons(row.get("kyc_rejection_reasons")));
        view.put("kyc", kyc);
        return view;
    }

    /** The local user, or a 404 naming the id (and the request field when it came from a body). */
    public Map<String, Object> requireUser(Map<String, Object> row, String userId, String field) {
        if (row == null) {
            throw new ApiProblem(404, "not_found", "user '" + userId + "' not found", field == null || field.isBlank() ? null : field, null);
        }
        return row;
    }

    /**
     * The user's row read again after the link was written. Still without a Unigox account means the
     * one Unigox answered with is held by another user of ours (it keys its users by user_ref and email).
     */
    public Map<String, Object> requireLinked(Map<String, Object> row, String userId) {
        if (row == null) {
            throw new ApiProblem(404, "not_found", "user '" + userId + "' not found", null, null);
        }
        if (row.get("unigox_user_uuid") == null) {
            throw new ApiProblem(409, "upstream_account_taken",
                    "Unigox answered with an account another user of ours is linked to; the user was not linked", null, null);
        }
        return row;
    }
}
