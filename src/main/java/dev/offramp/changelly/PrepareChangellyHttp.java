package dev.offramp.changelly;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;

/**
 * Puts the signed Changelly request of variable {@code changellyRequest} on the message for camel-http:
 * headers CamelHttpUri, CamelHttpMethod and X-Api-Signature, and the body, byte for byte the URL and
 * body that were signed; and X-Api-Key and Content-Type: application/json (the {@code prepareHttp} of the
 * upstream-send template). Four Simple method calls on the variable did this before, each copying the
 * exchange, twice per offers request (see the package notes).
 */
public final class PrepareChangellyHttp implements Processor {

    private final String apiKey;

    public PrepareChangellyHttp(String apiKey) {
        this.apiKey = apiKey;
    }

    /** Without an API key header (the unit test of the signed parts). */
    PrepareChangellyHttp() {
        this(null);
    }

    @Override
    public void process(Exchange exchange) {
        ChangellyRequest request = exchange.getVariable("changellyRequest", ChangellyRequest.class);
        var message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_URI, request.url());
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(request.method()));
        message.setHeader("X-Api-Signature", request.signature());
        message.setBody(request.body());
        if (apiKey != null) {
            message.setHeader("X-Api-Key", apiKey);
        }
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
