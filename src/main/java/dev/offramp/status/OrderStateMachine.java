package dev.offramp.status;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether an order may move from its current provider status to a proposed one.
 * Pure and thread-safe: no I/O, no clock. The status router asks it before every write.
 *
 * <p>Forward only: a status the order has already passed, a repeat of the current status, a move out
 * of a final status and a status the provider does not document are all ignored (with the reason),
 * never applied and never an error.
 */
public final class OrderStateMachine {

    private final Map<Provider, ProviderStatusModel> models = new EnumMap<>(Provider.class);

    public OrderStateMachine() {
        this(List.of(ProviderStatusModels.unigox(), ProviderStatusModels.changelly()));
    }

    public OrderStateMachine(List<ProviderStatusModel> providerModels) {
        for (ProviderStatusModel m : providerModels) {
            models.put(m.provider(), m);
        }
    }

    public ProviderStatusModel model(Provider provider) {
        ProviderStatusModel m = models.get(provider);
        if (m == null) {
            throw new IllegalArgumentException("no status model for provider " + provider);
        }
        return m;
    }

    /** For routes: the provider by its wire id. */
    public TransitionDecision decide(String provider, String currentStatus, String proposedStatus) {
        return decideFor(Provider.fromId(provider), currentStatus, proposedStatus);
    }

    public TransitionDecision decideFor(Provider provider, String current, String proposed) {
        ProviderStatusModel m = model(provider);
        String currentCanonical = current != null && m.knows(current) ? m.canonicalOf(current).wireName() : null;
        if (proposed == null || proposed.isBlank()) {
            return ignored(current, proposed, currentCanonical, "no status given");
        }
        if (!m.knows(proposed)) {
            return ignored(current, proposed, currentCanonical,
                    "unknown " + provider + " status '" + proposed + "'");
        }
        if (current == null) {
            return new TransitionDecision(true, null, proposed, m.canonicalOf(proposed).wireName(), null);
        }
        if (!m.knows(current)) {
            // Cannot happen through the router (it only ever writes known statuses); refuse rather than guess.
            return ignored(current, proposed, null, "current status '" + current + "' is unknown to " + provider);
        }
        if (current.equals(proposed)) {
            return ignored(current, proposed, currentCanonical, "already " + current);
        }
        Set<String> next = m.successorsOf(current);
        if (next.contains(proposed)) {
            return new TransitionDecision(true, current, proposed, m.canonicalOf(proposed).wireName(), null);
        }
        return ignored(current, proposed, currentCanonical, whyNot(m, current, proposed));
    }

    private static String whyNot(ProviderStatusModel m, String current, String proposed) {
        if (m.isFinal(current)) {
            return current + " is final";
        }
        int from = m.mainPathRank(current);
        int to = m.mainPathRank(proposed);
        if (from >= 0 && to >= 0 && to < from) {
            return "regression: " + proposed + " comes before " + current;
        }
        if (m.isEnding(current)) {
            return current + " only moves to " + String.join(", ", m.successorsOf(current));
        }
        return "no transition from " + current + " to " + proposed;
    }

    private static TransitionDecision ignored(String from, String to, String canonical, String reason) {
        return new TransitionDecision(false, from, to, canonical, reason);
    }

    public boolean isKnown(String provider, String status) {
        return model(Provider.fromId(provider)).knows(status);
    }

    /** The canonical statuses an order has finished in, comma-separated (routes: order-status-side-effects). */
    public String finishedStatuses() {
        return CanonicalStatus.wireNames(CanonicalStatus.FINISHED);
    }

    /** The canonical statuses someone should look at, comma-separated (routes: order-status-side-effects). */
    public String statusesNeedingAttention() {
        return CanonicalStatus.wireNames(CanonicalStatus.NEEDING_ATTENTION);
    }

    public boolean isFinal(String provider, String status) {
        return model(Provider.fromId(provider)).isFinal(status);
    }

    public String canonicalOf(String provider, String status) {
        return model(Provider.fromId(provider)).canonicalOf(status).wireName();
    }

    public List<String> allowedActions(String provider, String status) {
        ProviderStatusModel m = model(Provider.fromId(provider));
        return m.knows(status) ? m.allowedActionsOf(status) : List.of();
    }
}
