package dev.offramp.changelly;

import dev.offramp.upstream.RepeatSafeCalls;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Prepares one Changelly request once, before its attempts (the {@code prepareRequest} of the
 * upstream-exchange template): signed over the full URL with its query and the exact body
 * ({@link ChangellyRequests#prepare}), into variable {@code changellyRequest}; variable
 * {@code changellyRepeatSafe} says whether it may be sent again after a failure ({@link RepeatSafeCalls}, by
 * method and path, as for Unigox: every GET, and the POSTs of {@code changelly.retry.repeat-safe-posts}).
 */
public final class PrepareChangellyRequest implements Processor {

    private final ChangellyRequests requests;
    private final RepeatSafeCalls repeatSafeCalls;

    public PrepareChangellyRequest(ChangellyRequests requests, RepeatSafeCalls repeatSafeCalls) {
        this.requests = requests;
        this.repeatSafeCalls = repeatSafeCalls;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        String method = exchange.getVariable("changellyMethod", String.class);
        String path = exchange.getVariable("changellyPath", String.class);
        exchange.setVariable("changellyRequest", requests.prepare(method, path,
                exchange.getVariable("changellyQuery", Map.class),
                exchange.getMessage().getBody(Map.class)));
        exchange.setVariable("changellyRepeatSafe", repeatSafeCalls.isRepeatSafe(method, path));
    }
}
