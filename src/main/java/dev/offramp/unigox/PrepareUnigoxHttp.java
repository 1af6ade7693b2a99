package dev.offramp.unigox;

import org.apache.camel.Exchange;

/**
 * Puts one attempt of the prepared Unigox request on the message for camel-http (the {@code prepareHttp} of
 * the upstream-send template): the body of variable {@code unigoxRequest}, headers CamelHttpMethod,
 * CamelHttpPath and CamelHttpQuery from variables {@code unigoxMethod}, {@code unigoxPath} and
 * {@code unigoxQuery}, X-API-Key, Content-Type (variable {@code unigoxContentType}, for a multipart body,
 * else application/json) and Accept: application/json.
 */
public final class PrepareUnigoxHttp implements org.apache.camel.Processor {

    private final String apiKey;

    public PrepareUnigoxHttp(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public void process(Exchange exchange) {
        var message = exchange.getMessage();
        message.setBody(exchange.getVariable("unigoxRequest"));
        message.setHeader(Exchange.HTTP_METHOD, exchange.getVariable("unigoxMethod"));
        message.setHeader(Exchange.HTTP_PATH, exchange.getVariable("unigoxPath"));
        message.setHeader(Exchange.HTTP_QUERY, exchange.getVariable("unigoxQuery"));
        message.setHeader("X-API-Key", apiKey);
        Object contentType = exchange.getVariable("unigoxContentType");
        message.setHeader(Exchange.CONTENT_TYPE, contentType != null ? contentType : "application/json");
        message.setHeader("Accept", "application/json");
    }
}
