package dev.offramp.sandbox;

/**
 * Sees every request a simulator answered, with its answer: how tests hold what the bundle sends, and
 * what the simulator answers, to the upstream's published contract. Called on the request's thread
 * after the answer is ready; it must be quick and must not throw (a throw is logged and ignored).
 */
@FunctionalInterface
public interface SandboxExchangeObserver {

    /**
     * @param request what the simulator received, path below its mount point
     * @param response what it answered
     * @param faultInjected whether the answer is a fault armed through the simulator's control endpoints
     *        (an injected 5xx or malformed body is off-contract on purpose; the request is not)
     */
    void observed(SandboxRequest request, SandboxResponse response, boolean faultInjected);
}
