package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A partner user: who the partner calls it ({@code user_ref}), its KYC file and its payout profiles. */
final class SimUser {

    private final String userUuid;
    private final String userRef;
    private final String email;
    private final Instant createdAt;
    private final SimulatedKyc kyc;
    private final List<PaymentProfile> paymentProfiles = new ArrayList<>();

    SimUser(String userUuid, String userRef, String email, Instant createdAt) {
        this.userUuid = userUuid;
        this.userRef = userRef;
        this.email = email;
        this.createdAt = createdAt;
        this.kyc = new SimulatedKyc(createdAt);
    }

    String userUuid() {
        return userUuid;
    }

    String userRef() {
        return userRef;
    }

    SimulatedKyc kyc() {
        return kyc;
    }

    List<PaymentProfile> paymentProfiles() {
        return List.copyOf(paymentProfiles);
    }

    void addPaymentProfile(PaymentProfile profile) {
        paymentProfiles.add(profile);
    }

    void removePaymentProfile(long id) {
        paymentProfiles.removeIf(p -> p.id() == id);
    }

    /** The answer of POST /users (both {@code user_uuid} and its older name {@code id}). */
    Map<String, Object> createView() {
        return UnigoxJson.object(
                "user_uuid", userUuid,
                "id", userUuid,
                "email", email,
                "kyc_status", kyc.status().name(),
                "created_at", Times.iso(createdAt));
    }

    /** The answer of GET /users/{user_uuid}. */
    Map<String, Object> detailView() {
        Map<String, String> pii = kyc.pii();
        List<Object> profiles = new ArrayList<>();
        for (PaymentProfile profile : paymentProfiles) {
            // GET /users names the profile id "id"; the payment-details endpoints "payment_details_id"
            Map<String, Object> view = profile.view();
            view.put("id", profile.paymentDetailsId());
            profiles.add(view);
        }
        return UnigoxJson.object(
                "user_uuid", userUuid,
                "email", email,
                "created_at", Times.iso(createdAt),
                "kyc", UnigoxJson.object(
                        "status", kyc.status().name(),
                        "kyc_method", kyc.method(),
                        "first_name", pii.get("first_name"),
                        "last_name", pii.get("last_name"),
                        "country_code", pii.get("country_code"),
                        "rejection_reason", kyc.rejectionReason(),
                        "updated_at", Times.iso(kyc.updatedAt())),
                "payment_profiles", profiles);
    }
}
