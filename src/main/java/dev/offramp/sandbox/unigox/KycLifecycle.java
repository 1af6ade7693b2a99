package dev.offramp.sandbox.unigox;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Moves a user's KYC between statuses, sends {@code user.kyc.updated} for the statuses the contract
 * fires it for (UNDER_REVIEW, VERIFIED, REJECTED), and books the next clock step when the new status
 * moves on by itself. Called under the state lock.
 */
final class KycLifecycle {

    private final SimulatorState state;
    private final WebhookSender webhooks;
    private final StepScheduler scheduler;
    private final Clock clock;

    KycLifecycle(SimulatorState state, WebhookSender webhooks, StepScheduler scheduler, Clock clock) {
        this.state = state;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * @param rejectionReason kept (and sent) only with VERIFICATION_REJECTED
     * @param bookNextStep false for statuses a tester set by hand: they stay until changed
     */
    void change(SimUser user, KycStatus to, String rejectionReason, boolean bookNextStep) {
        SimulatedKyc kyc = user.kyc();
        kyc.changeStatus(to, rejectionReason, clock.instant());
        announce(user);
        if (bookNextStep) {
            bookNextStep(user);
        }
    }

    /** A direct_data file with data, identity document and selfie goes to review (verification starts). */
    void startReviewIfComplete(SimUser user) {
        SimulatedKyc kyc = user.kyc();
        if (kyc.status() == KycStatus.IN_PROGRESS && SimulatedKyc.DIRECT_DATA.equals(kyc.method())
                && kyc.missingForVerification().isEmpty()) {
            change(user, KycStatus.UNDER_REVIEW, null, true);
        }
    }

    /** One automatic step now; 409 INVALID_STATUS when the KYC does not move on by itself. */
    void step(SimUser user) {
        KycStatus next = user.kyc().automaticNext();
        if (next == null) {
            throw SimError.partner(409, "INVALID_STATUS", "KYC at " + user.kyc().status()
                    + (user.kyc().method() == null ? "" : " (" + user.kyc().method() + ")") + " has no automatic step");
        }
        change(user, next, null, true);
    }

    void bookNextStep(SimUser user) {
        if (user.kyc().automaticNext() == null) {
            return;
        }
        long bookedAt = user.kyc().version();
        scheduler.afterOneStep(() -> {
            synchronized (state) {
                boolean stillThere = state.users.find(user.userUuid()).orElse(null) == user;
                if (stillThere && user.kyc().version() == bookedAt) {
                    step(user);
                }
            }
        });
    }

    private void announce(SimUser user) {
        SimulatedKyc kyc = user.kyc();
        String value = kyc.status().webhookValue();
        if (value == null) {
            return;
        }
        Map<String, Object> data = UnigoxJson.object("user_uuid", user.userUuid(), "kyc_status", value);
        if (kyc.status() == KycStatus.VERIFICATION_REJECTED) {
            data.put("rejection_reasons", List.of(kyc.rejectionReason()));
        }
        webhooks.publish(WebhookEvent.of(WebhookEvent.newEventId(), WebhookEvent.USER_KYC_UPDATED, clock.instant(),
                data, null, user.userUuid(), value));
    }
}
