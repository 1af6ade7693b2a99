package dev.offramp.sandbox.unigox;

import static dev.offramp.sandbox.unigox.SimError.Envelope.LEGACY;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /webhooks}: register, read and delete the one webhook URL, and the signed test ping. Legacy
 * error envelope, with the contract's free-text error keys.
 *
 * <p>Deviation: {@code http://} URLs are accepted besides {@code https://}, because the sandbox
 * delivers to a receiver on the same machine.
 */
final class WebhookEndpoints {

    private final WebhookSender webhooks;
    private final Clock clock;

    WebhookEndpoints(WebhookSender webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.clock = clock;
    }

    void addTo(RouteTable routes) {
        routes.add("POST", UnigoxSimulator.PARTNER + "/webhooks", LEGACY, this::register)
                .add("GET", UnigoxSimulator.PARTNER + "/webhooks", LEGACY, this::show)
                .add("DELETE", UnigoxSimulator.PARTNER + "/webhooks/{id}", LEGACY, this::delete)
                // waits for the delivery, so it must not hold the state lock meanwhile
                .add(RouteTable.unlockedRoute("POST", UnigoxSimulator.PARTNER + "/webhooks/test", LEGACY, this::test));
    }

    private Reply register(Call call) {
        String url = call.text(call.body(), "url");
        if (url == null || url.isBlank()) {
            throw SimError.legacy(400, "webhook URL is required", null);
        }
        if (!isHttpUrl(url.trim())) {
            throw SimError.legacy(400, "webhook URL must use HTTPS", null);
        }
        webhooks.register(url.trim());
        return Reply.ok(UnigoxJson.object("url", url.trim(), "enabled", true));
    }

    private Reply show(Call call) {
        String url = webhooks.url();
        return Reply.ok(UnigoxJson.object("url", url, "enabled", url != null));
    }

    /** The path id is ignored, as on the real platform: there is one URL per partner. */
    private Reply delete(Call call) {
        webhooks.unregister();
        return Reply.ok(UnigoxJson.object("message", "webhook deleted"));
    }

    private Reply test(Call call) {
        WebhookEvent ping = WebhookEvent.of(WebhookEvent.newEventId(), WebhookEvent.WEBHOOK_TEST, clock.instant(),
                UnigoxJson.object("message", "Test event from the Unigox sandbox simulator"), null, null, null);
        CompletableFuture<WebhookDelivery> sent = webhooks.sendTest(ping);
        if (sent == null) {
            throw SimError.legacy(400, "webhook URL is not set", null);
        }
        WebhookDelivery delivery;
        try {
            // 3 s connect + 10 s request, plus room for deliveries queued before the ping
            delivery = sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SimError.legacy(502, "webhook delivery failed", "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw SimError.legacy(502, "webhook delivery failed", "no answer from the webhook URL in time");
        }
        if (!delivery.delivered()) {
            Integer status = delivery.httpStatus();
            throw SimError.legacy(502, "webhook delivery failed",
                    status == null ? "the webhook URL could not be reached" : "the webhook URL answered " + status);
        }
        return Reply.ok(UnigoxJson.object("delivered", true, "http_status", delivery.httpStatus()));
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
