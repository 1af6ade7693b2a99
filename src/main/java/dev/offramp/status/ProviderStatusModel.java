package dev.offramp.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One provider's order statuses and the moves between them, as data.
 *
 * <p>Three kinds of status:
 * <ul>
 *   <li>the <b>main path</b>, in forward order; its last status is the success ending. An order may
 *       jump forward over any number of main-path statuses (webhooks get lost), never back;</li>
 *   <li><b>alternative endings</b>, reachable from any main-path status before the success ending;</li>
 *   <li><b>documented ways out</b>: explicit moves out of an ending (e.g. Unigox {@code cancelled} to
 *       the refund statuses), the only moves an ending has.</li>
 * </ul>
 * A status with no move out is final.
 */
public final class ProviderStatusModel {

    private final Provider provider;
    private final List<String> mainPath;
    private final Set<String> endings;
    private final Map<String, Set<String>> waysOut;
    private final Map<String, CanonicalStatus> canonical;
    private final Map<String, List<String>> allowedActions;
    private final Map<String, Set<String>> successors = new LinkedHashMap<>();

    private ProviderStatusModel(Builder b) {
        this.provider = b.provider;
        this.mainPath = List.copyOf(b.mainPath);
        this.endings = Collections.unmodifiableSet(new LinkedHashSet<>(b.endings));
        this.waysOut = Map.copyOf(b.waysOut);
        this.canonical = Map.copyOf(b.canonical);
        this.allowedActions = Map.copyOf(b.allowedActions);
        for (String s : statuses()) {
            if (!canonical.containsKey(s)) {
                throw new IllegalStateException(provider + " status '" + s + "' has no canonical status");
            }
            successors.put(s, Collections.unmodifiableSet(computeSuccessors(s)));
        }
    }

    private Set<String> computeSuccessors(String status) {
        Set<String> next = new LinkedHashSet<>();
        int rank = mainPath.indexOf(status);
        boolean successEnding = rank == mainPath.size() - 1;
        if (rank >= 0 && !successEnding) {
            next.addAll(mainPath.subList(rank + 1, mainPath.size()));
            next.addAll(endings);
        }
        next.addAll(waysOut.getOrDefault(status, Set.of()));
        next.remove(status);
        return next;
    }

    public Provider provider() {
        return provider;
    }

    /** Every status this provider can report, main path first. */
    public Set<String> statuses() {
        Set<String> all = new LinkedHashSet<>(mainPath);
        all.addAll(endings);
        waysOut.values().forEach(all::addAll);
        all.addAll(waysOut.keySet());
        return all;
    }

    public boolean knows(String status) {
        return successors.containsKey(status);
    }

    public Set<String> successorsOf(String status) {
        Set<String> next = successors.get(status);
        if (next == null) {
            throw new IllegalArgumentException("unknown " + provider + " status '" + status + "'");
        }
        return next;
    }

    public boolean isFinal(String status) {
        return successorsOf(status).isEmpty();
    }

    /** Position on the main path, or -1 for a status off it. */
    public int mainPathRank(String status) {
        return mainPath.indexOf(status);
    }

    public boolean isEnding(String status) {
        return endings.contains(status) || mainPathRank(status) == mainPath.size() - 1;
    }

    public CanonicalStatus canonicalOf(String status) {
        CanonicalStatus c = canonical.get(status);
        if (c == null) {
            throw new IllegalArgumentException("unknown " + provider + " status '" + status + "'");
        }
        return c;
    }

    /** The order actions the provider accepts in this status (path segments of POST /orders/{id}/{action}). */
    public List<String> allowedActionsOf(String status) {
        return allowedActions.getOrDefault(status, List.of());
    }

    static Builder builder(Provider provider) {
        return new Builder(provider);
    }

    static final class Builder {
        private final Provider provider;
        private final List<String> mainPath = new ArrayList<>();
        private final Set<String> endings = new LinkedHashSet<>();
        private final Map<String, Set<String>> waysOut = new LinkedHashMap<>();
        private final Map<String, CanonicalStatus> canonical = new LinkedHashMap<>();
        private final Map<String, List<String>> allowedActions = new LinkedHashMap<>();

        private Builder(Provider provider) {
            this.provider = provider;
        }

        /** Appends the next main-path status; call in forward order, the success ending last. */
        Builder step(String status, CanonicalStatus canonicalStatus, String... actions) {
            mainPath.add(status);
            return describe(status, canonicalStatus, actions);
        }

        Builder ending(String status, CanonicalStatus canonicalStatus, String... actions) {
            endings.add(status);
            return describe(status, canonicalStatus, actions);
        }

        /** A status reached only through a documented way out (e.g. refund statuses). */
        Builder sideStatus(String status, CanonicalStatus canonicalStatus) {
            return describe(status, canonicalStatus);
        }

        Builder wayOut(String from, String... to) {
            waysOut.computeIfAbsent(from, k -> new LinkedHashSet<>()).addAll(List.of(to));
            return this;
        }

        private Builder describe(String status, CanonicalStatus canonicalStatus, String... actions) {
            if (canonical.put(status, canonicalStatus) != null) {
                throw new IllegalStateException(provider + " status '" + status + "' declared twice");
            }
            if (actions.length > 0) {
                allowedActions.put(status, List.of(actions));
            }
            return this;
        }

        ProviderStatusModel build() {
            return new ProviderStatusModel(this);
        }
    }
}
