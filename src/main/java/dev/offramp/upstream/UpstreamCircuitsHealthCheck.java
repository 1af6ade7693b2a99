package dev.offramp.upstream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness detail: each upstream's circuit state ({@code unigox.circuit=OPEN}). By default an open
 * circuit does not make the bundle unready: webhooks, reconciliation and the other upstream still
 * work, and taking the instance out of the load balancer would stop those too while fixing nothing
 * (every instance sees the same upstream). {@code offramp.health.open-circuit-unready=true} makes an
 * open circuit turn readiness DOWN, for deployments that prefer that. Only the upstreams the deployment
 * uses are listed (a switched-off upstream has no entry).
 */
public final class UpstreamCircuitsHealthCheck extends AbstractHealthCheck {

    private final UpstreamCircuits circuits;
    private final Collection<String> listed;
    private final boolean openMeansUnready;

    public UpstreamCircuitsHealthCheck(UpstreamCircuits circuits, Collection<String> listed, boolean openMeansUnready) {
        super("offramp", "upstream-circuits");
        this.circuits = circuits;
        this.listed = List.copyOf(listed);
        this.openMeansUnready = openMeansUnready;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        boolean anyOpen = false;
        for (Map.Entry<String, String> e : circuits.states().entrySet()) {
            if (!listed.contains(e.getKey())) {
                continue;
            }
            builder.detail(e.getKey() + ".circuit", e.getValue());
            anyOpen |= "OPEN".equals(e.getValue()) || "FORCED_OPEN".equals(e.getValue());
        }
        if (anyOpen && openMeansUnready) {
            builder.message("an upstream circuit is open").down();
        } else {
            builder.up();
        }
    }
}
