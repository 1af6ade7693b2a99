package dev.offramp.unigox;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: whether Unigox accepts our partner key, as {@link UnigoxAuthStatus} last heard it (the
 * route unigox-verify-auth asks {@code GET /verify-auth} at start-up and every
 * {@code unigox.verify-auth.interval-seconds}; a probe never calls Unigox). Detail {@code unigox}:
 * {@code authorized}, {@code unauthorized}, {@code unreachable} or {@code unknown}.
 *
 * <p>Only {@code unauthorized} makes the bundle unready (message {@code unigox: unauthorized}): a wrong
 * key is this deployment's configuration, so a rollout with a wrong key stops at its first instance
 * while the instances with the right key keep serving. An unreachable Unigox is an outage every
 * instance shares; taking them all out would stop webhooks, reconciliation and Changelly too, so it
 * is shown, and left UP (as an open circuit is, {@code UpstreamCircuitsHealthCheck}). Only bound when
 * Unigox is switched on.
 */
public final class UnigoxAuthHealthCheck extends AbstractHealthCheck {

    private final UnigoxAuthStatus status;

    public UnigoxAuthHealthCheck(UnigoxAuthStatus status) {
        super("offramp", "unigox-auth");
        this.status = status;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        UnigoxAuthStatus.Snapshot last = status.last();
        builder.detail("unigox", last.state());
        if (last.checkedAt() != null) {
            builder.detail("unigox.checked_at", last.checkedAt().toString());
        }
        if (UnigoxAuthStatus.UNAUTHORIZED.equals(last.state())) {
            builder.message("unigox: unauthorized").down();
        } else {
            builder.up();
        }
    }
}
