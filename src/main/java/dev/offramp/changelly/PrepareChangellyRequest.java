package dev.offramp.changelly;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Prepares one Changelly request once, before its attempts (the {@code prepareRequest} of the
 * upstream-exchange template): signed over the full URL with its query and the exact body
 * ({@link ChangellyRequests#prepare}), into variable {@code changellyRequest}; variable
 * {@code changellyRepeatSafe} is the caller's {@code changellySafe}.
 */
public final class PrepareChangellyRequest implements Processor {

    private final ChangellyRequests requests;

    public PrepareChangellyRequest(ChangellyRequests requests) {
        this.requests = requests;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        exchange.setVariable("changellyRequest", requests.prepare(
                exchange.getVariable("changellyMethod", String.class),
                exchange.getVariable("changellyPath", String.class),
                exchange.getVariable("changellyQuery", Map.class),
                exchange.getMessage().getBody(Map.class)));
        exchange.setVariable("changellyRepeatSafe", Boolean.TRUE.equals(exchange.getVariable("changellySafe", Boolean.class)));
    }
}
