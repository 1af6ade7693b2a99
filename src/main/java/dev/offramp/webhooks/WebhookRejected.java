package dev.offramp.webhooks;

import dev.offramp.http.ApiProblem;

/** A webhook whose signature did not verify: 401, nothing applied. The reason names the check, never a secret. */
public class WebhookRejected extends ApiProblem {

    public WebhookRejected(String reason) {
        super(401, "invalid_signature", "webhook signature refused: " + reason, null, null);
    }
}
