package dev.offramp.upstream;

import dev.offramp.http.ApiProblem;
import dev.offramp.status.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which upstreams this deployment uses ({@code offramp.unigox.enabled}, {@code offramp.changelly.enabled},
 * set by OFFRAMP_UNIGOX_ENABLED / OFFRAMP_CHANGELLY_ENABLED; both default true). A business that has signed
 * only one upstream switches the other off: its settings are not required nor read, its API operations
 * answer {@code upstream_disabled}, its webhook path 404, and nothing is ever sent to it.
 *
 * <p>Routes call {@link #require} as the first step of every operation of one upstream, and
 * {@link #enabled} where a flow (offers, reconciliation) simply leaves a disabled upstream out.
 */
public final class UpstreamSwitches {

    /** Every upstream the bundle knows, in the order messages name them (the ids of {@link Provider}). */
    public static final List<String> UPSTREAMS = Provider.ids();

    /**
     * The status of {@code upstream_disabled}: 409 Conflict. The request is well formed and what it names
     * (user, order) may well exist, but it conflicts with how this deployment is configured; it will keep
     * failing until an operator switches the upstream on. Not 404, which already means "no such id" on
     * these paths; not 403, which callers read as a problem with their key; not 422, which is about the
     * request body (several of these operations are GETs without one); not 5xx, nothing is broken.
     */
    public static final int DISABLED_STATUS = 409;

    private final List<String> enabled;

    private UpstreamSwitches(List<String> enabled) {
        this.enabled = List.copyOf(enabled);
    }

    /**
     * Reads the switches through {@code lookup} (property key → value; blank means the default, true).
     *
     * @throws IllegalStateException naming the variable when a switch is neither true nor false, and
     *         naming both switches when both are off (the bundle would have nothing to do)
     */
    public static UpstreamSwitches from(Function<String, String> lookup) {
        List<String> enabled = new ArrayList<>();
        for (String upstream : UPSTREAMS) {
            String value = lookup.apply(property(upstream));
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            if (v.isEmpty() || v.equals("true")) {
                enabled.add(upstream);
            } else if (!v.equals("false")) {
                throw new IllegalStateException("Refusing to start: " + variable(upstream) + " must be true or false, not '"
                        + value.trim() + "'");
            }
        }
        if (enabled.isEmpty()) {
            throw new IllegalStateException("Refusing to start: "
                    + String.join(" and ", UPSTREAMS.stream().map(UpstreamSwitches::variable).toList())
                    + " are both false; with no upstream the bundle can do nothing. Switch at least one on.");
        }
        return new UpstreamSwitches(enabled);
    }

    /** Both upstreams on (tests, defaults). */
    public static UpstreamSwitches allEnabled() {
        return new UpstreamSwitches(UPSTREAMS);
    }

    /** The property key of an upstream's switch, e.g. {@code offramp.unigox.enabled}. */
    public static String property(String upstream) {
        return Provider.fromId(upstream).switchProperty();
    }

    /** The environment variable of an upstream's switch, e.g. {@code OFFRAMP_UNIGOX_ENABLED}. */
    public static String variable(String upstream) {
        return Provider.fromId(upstream).switchVariable();
    }

    public boolean enabled(String upstream) {
        return enabled.contains(upstream);
    }

    /** The enabled upstreams, in {@link #UPSTREAMS} order. */
    public List<String> enabledUpstreams() {
        return enabled;
    }

    /** @throws ApiProblem 409 {@code upstream_disabled} when the upstream is switched off */
    public void require(String upstream) {
        if (!enabled(known(upstream))) {
            throw new ApiProblem(DISABLED_STATUS, "upstream_disabled", name(upstream) + " is switched off in this deployment ("
                    + variable(upstream) + "=false): its operations are not available", null,
                    ApiProblem.upstream(upstream, null, null, null, null));
        }
    }

    /** For the upstream's webhook path: @throws ApiProblem 404 {@code upstream_disabled} when it is switched off */
    public void requireWebhooks(String upstream) {
        if (!enabled(known(upstream))) {
            throw new ApiProblem(404, "upstream_disabled", "no " + name(upstream) + " webhooks are taken: it is switched off in this deployment ("
                    + variable(upstream) + "=false)", null, ApiProblem.upstream(upstream, null, null, null, null));
        }
    }

    private static String name(String upstream) {
        return Provider.fromId(upstream).displayName();
    }

    private static String known(String upstream) {
        if (!UPSTREAMS.contains(upstream)) {
            throw new IllegalArgumentException("unknown upstream '" + upstream + "'");
        }
        return upstream;
    }
}
