package dev.offramp.sandbox;

/**
 * A simulator's answer to one request, and whether it is an armed fault's (an injected 5xx or lost
 * answer is off-contract on purpose: {@link SandboxExchangeObserver} is told which).
 */
public record SandboxAnswer(SandboxResponse response, boolean faultInjected) {

    /** An answer of the simulated API itself. */
    public static SandboxAnswer of(SandboxResponse response) {
        return new SandboxAnswer(response, false);
    }

    /** An armed fault's answer. */
    public static SandboxAnswer fault(SandboxResponse response) {
        return new SandboxAnswer(response, true);
    }
}
