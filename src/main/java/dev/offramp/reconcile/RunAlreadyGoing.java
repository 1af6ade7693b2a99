package dev.offramp.reconcile;

import dev.offramp.http.ApiProblem;

/** A run was asked for while another holds the running slot. */
public class RunAlreadyGoing extends ApiProblem {

    public RunAlreadyGoing(String message) {
        super(409, "run_in_progress", message, null, null);
    }
}
