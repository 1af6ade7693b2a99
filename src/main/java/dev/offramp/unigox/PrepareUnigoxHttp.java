package dev.offramp.unigox;

import org.apache.camel.Exchange;

/**
 * Puts one attempt of the prepared Unigox request on the message for camel-http (the {@code prepareHttp} of
 * the upstream-send template): the body of variable {@code unigoxRequest}, headers CamelHttpMethod,
 * CamelHttpPath and CamelHttpQuery from variables {@code unigoxMethod}, {@code unigoxPath} and
 * {@code unigoxQuery}, X-API-Key, Content-Type (variable {@code unigoxContentType}, for a multipart body,
 * else application/json) and Accept: application/json.
 *
 * <p>Unigox's public reference data (a path starting {@value #SUPPORTED}: rails, institutions, currencies,
 * corridors) lives beside the partner API at the server root, not under {@code /api/v1/partner}: it is
 * sent to the server's URL (CamelHttpUri) and without the partner key, which it does not need.
 */
public final class PrepareUnigoxHttp implements org.apache.camel.Processor {

    public static final String SUPPORTED = "/api/v1/supported/";

    private final String apiKey;
    private final String serverUrl;

    public PrepareUnigoxHttp(String apiKey, String serverUrl) {
        this.apiKey = apiKey;
        this.serverUrl = serverUrl;
    }

    @Override
    public void process(Exchange exchange) {
        var message = exchange.getMessage();
        message.setBody(exchange.getVariable("unigoxRequest"));
        message.setHeader(Exchange.HTTP_METHOD, exchange.getVariable("unigoxMethod"));
        Object path = exchange.getVariable("unigoxPath");
        if (path instanceof String p && p.startsWith(SUPPORTED)) {
            message.setHeader(Exchange.HTTP_URI, serverUrl + p);
            message.removeHeader(Exchange.HTTP_PATH);
            message.removeHeader("X-API-Key");
        } else {
            message.setHeader(Exchange.HTTP_PATH, path);
            message.setHeader("X-API-Key", apiKey);
        }
        message.setHeader(Exchange.HTTP_QUERY, exchange.getVariable("unigoxQuery"));
        Object contentType = exchange.getVariable("unigoxContentType");
        message.setHeader(Exchange.CONTENT_TYPE, contentType != null ? contentType : "application/json");
        message.setHeader("Accept", "application/json");
    }
}
