package dev.offramp.sandbox;

/** An upstream simulated inside the bundle: answers requests to its mount point. */
public interface SandboxSimulator {

    SandboxResponse handle(SandboxRequest request);
}
