package dev.offramp.changelly;

import dev.offramp.http.ApiProblem;

/** A sandbox-only action asked of a bundle whose sandbox actions are switched off. */
public class SandboxActionsOff extends ApiProblem {

    public SandboxActionsOff(String reason) {
        super(404, "not_found", "sandbox actions are not enabled on this bundle (" + reason + ")", null, null);
    }
}
