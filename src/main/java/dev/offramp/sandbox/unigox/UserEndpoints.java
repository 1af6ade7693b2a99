package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimError.Envelope.LEGACY;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code verify-auth}, {@code /users} (create-or-get by {@code user_ref}, read) and a user's
 * {@code payment-details} (create, list, get one, delete). Legacy error envelope.
 *
 * <p>Not simulated: the 409 of a delete whose payment details are "linked to active offers" (the
 * contract does not say which orders count); a delete always succeeds for the user's own details.
 */
final class UserEndpoints {

    private final SimulatorState state;
    private final Clock clock;

    UserEndpoints(SimulatorState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    void addTo(RouteTable routes) {
        String p = UnigoxSimulator.PARTNER;
        routes.add("GET", p + "/verify-auth", LEGACY, call -> Reply.ok(UnigoxJson.object(
                        "message", "Authentication successful", "authenticated", true)))
                .add("POST", p + "/users", LEGACY, this::createOrGet)
                .add("GET", p + "/users/{user_uuid}", LEGACY, this::show)
                .add("POST", p + "/users/{user_uuid}/payment-details", LEGACY, this::addPaymentDetails)
                .add("GET", p + "/users/{user_uuid}/payment-details", LEGACY, this::listPaymentDetails)
                .add("GET", p + "/users/{user_uuid}/payment-details/{payment_details_id}", LEGACY, this::showPaymentDetails)
                .add("DELETE", p + "/users/{user_uuid}/payment-details/{payment_details_id}", LEGACY, this::deletePaymentDetails);
    }

    /** The user of the path, or the 404 every user endpoint answers for an unknown one. */
    static SimUser user(SimulatorState state, Call call) {
        return state.users.find(call.param("user_uuid"))
                .orElseThrow(() -> SimError.legacy(404, "user_not_found", "User not found"));
    }

    private Reply createOrGet(Call call) {
        JsonNode body = call.body();
        String userRef = call.text(body, "user_ref");
        String email = call.text(body, "email");
        List<String> missing = new ArrayList<>();
        if (userRef == null || userRef.isBlank()) {
            missing.add("user_ref");
        }
        if (email == null || email.isBlank()) {
            missing.add("email");
        }
        if (!missing.isEmpty()) {
            throw call.missing(missing);
        }
        if (!email.trim().matches("[^@\\s]+@[^@\\s]+")) {
            throw call.invalid("email is not a valid address");
        }
        SimulatedUsers.Registration registration = state.users.createOrGet(userRef.trim(), email.trim(), clock.instant());
        return new Reply(registration.created() ? 201 : 200, registration.user().createView());
    }

    private Reply show(Call call) {
        return Reply.ok(user(state, call).detailView());
    }

    private Reply addPaymentDetails(Call call) {
        SimUser user = user(state, call);
        JsonNode body = call.body();
        String currency = call.text(body, "currency");
        String rail = call.text(body, "rail");
        JsonNode details = call.object(body, "details");
        if (currency == null || !currency.trim().matches("[A-Za-z]{3}")) {
            throw invalidDetails("currency must be an ISO 4217 code");
        }
        if (rail == null || rail.isBlank()) {
            throw invalidDetails("rail is required");
        }
        if (details == null || details.isEmpty()) {
            throw invalidDetails("details must not be empty");
        }
        String institutionId = PaymentInstitutions.resolve(rail.trim(), call.text(body, "institution_id"));
        if (institutionId == null) {
            throw invalidDetails("institution_id is required for rail " + rail.trim());
        }
        // the contract (GET /supported/institutions): an institution not live on the rail cannot be paid, and
        // payment details on it are refused; the simulator's reference data (SupportedRails) is what is live
        SupportedRails.Rail supported = SupportedRails.rail(rail.trim());
        if (supported == null || !supported.currency().equalsIgnoreCase(currency.trim())) {
            throw invalidDetails("rail " + rail.trim() + " does not pay out " + currency.trim().toUpperCase(Locale.ROOT)
                    + " (see /api/v1/supported/payment-rails)");
        }
        if (supported.institutions().stream().noneMatch(i -> i.id().equals(institutionId))) {
            throw invalidDetails("institution " + institutionId + " is not live on rail " + supported.slug()
                    + " (see /api/v1/supported/institutions)");
        }
        String countryCode = call.text(body, "country_code");
        PaymentProfile profile = new PaymentProfile(state.users.nextProfileId(), user.userUuid(),
                currency.trim().toUpperCase(Locale.ROOT), rail.trim(), institutionId,
                PaymentInstitutions.displayName(institutionId), details.deepCopy(),
                countryCode == null ? null : countryCode.trim().toUpperCase(Locale.ROOT));
        state.users.addProfile(user, profile);
        return Reply.created(profile.view());
    }

    private Reply listPaymentDetails(Call call) {
        return Reply.ok(user(state, call).paymentProfiles().stream().map(PaymentProfile::view).toList());
    }

    private Reply showPaymentDetails(Call call) {
        SimUser user = user(state, call);
        String id = call.param("payment_details_id");
        if (id == null || !id.matches("[0-9]{1,18}")) {
            // the contract's 400 "malformed payment_details_id"
            throw SimError.legacy(400, "invalid_payment_details_id", "payment_details_id must be a number");
        }
        return Reply.ok(ownProfile(user, id).view());
    }

    private Reply deletePaymentDetails(Call call) {
        SimUser user = user(state, call);
        // the contract documents no 400 for a delete: an id that cannot exist is not found
        PaymentProfile profile = ownProfile(user, call.param("payment_details_id"));
        state.users.removeProfile(user, profile);
        return Reply.ok(UnigoxJson.object("message", "Payment details deleted successfully"));
    }

    /** The user's own profile of that id; another user's, or none, is the same 404 (nothing revealed). */
    private PaymentProfile ownProfile(SimUser user, String id) {
        PaymentProfile profile = id != null && id.matches("[0-9]{1,18}")
                ? state.users.profile(Long.parseLong(id)).orElse(null) : null;
        if (profile == null || !profile.userUuid().equals(user.userUuid())) {
            throw SimError.legacy(404, "payment_details_not_found", "Payment details not found");
        }
        return profile;
    }

    private static SimError invalidDetails(String message) {
        return SimError.legacy(400, "invalid_payment_details", message);
    }
}
