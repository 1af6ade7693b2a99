package dev.offramp.sandbox.unigox;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The partner's users by uuid and by {@code user_ref}, and every payout profile by its id. */
final class SimulatedUsers {

    /** A user and whether this call created it (201) or found it (200). */
    record Registration(SimUser user, boolean created) {
    }

    private final Map<String, SimUser> byUuid = new HashMap<>();
    private final Map<String, SimUser> byRef = new HashMap<>();
    private final Map<Long, PaymentProfile> profiles = new HashMap<>();
    // profile ids start high enough to look like the contract's ("987") and never like a list index
    private long nextProfileId = 1000;

    Registration createOrGet(String userRef, String email, Instant now) {
        SimUser existing = byRef.get(userRef);
        if (existing != null) {
            return new Registration(existing, false);
        }
        SimUser user = new SimUser(UUID.randomUUID().toString(), userRef, email, now);
        byUuid.put(user.userUuid(), user);
        byRef.put(userRef, user);
        return new Registration(user, true);
    }

    Optional<SimUser> find(String userUuid) {
        return Optional.ofNullable(userUuid == null ? null : byUuid.get(userUuid));
    }

    long nextProfileId() {
        return nextProfileId++;
    }

    void addProfile(SimUser user, PaymentProfile profile) {
        user.addPaymentProfile(profile);
        profiles.put(profile.id(), profile);
    }

    Optional<PaymentProfile> profile(long id) {
        return Optional.ofNullable(profiles.get(id));
    }

    /** Forgets a profile: no longer listed, read, or quoted against. */
    void removeProfile(SimUser user, PaymentProfile profile) {
        user.removePaymentProfile(profile.id());
        profiles.remove(profile.id());
    }

    void clear() {
        byUuid.clear();
        byRef.clear();
        profiles.clear();
    }
}
