package dev.offramp.http;

import dev.offramp.console.ConsoleResponseHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * The header filter of the HTTP server (the platform-http component's, so every route on it, REST or
 * not, present or future, is covered). Out: an answer carries only the headers of
 * {@link ResponseHeaderAllowList} (and the console's own, {@link ConsoleResponseHeaders}, each with its fixed value). In: a query parameter never becomes a message header, nor does a form
 * field pass for a request header ({@link InboundHeaderRule}). Camel's own HTTP filter still applies
 * first both ways (Camel* names in, hop-by-hop headers out).
 */
public final class OffRampHeaderFilterStrategy implements HeaderFilterStrategy {

    private final HeaderFilterStrategy camelDefaults = new HttpHeaderFilterStrategy();

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        // the console's page protections and its session cookie, each only with the value the bundle set
        // (Camel's own filter would drop Cache-Control, which a page behind a sign-in needs)
        if (ConsoleResponseHeaders.allows(headerName, headerValue, exchange.getVariable(ConsoleResponseHeaders.SET_COOKIE_VARIABLE))) {
            return false;
        }
        return camelDefaults.applyFilterToCamelHeaders(headerName, headerValue, exchange)
                || !ResponseHeaderAllowList.allows(headerName);
    }

    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        if (camelDefaults.applyFilterToExternalHeaders(headerName, headerValue, exchange)) {
            return true;
        }
        Message in = exchange.getIn();
        if (!(in instanceof HttpMessage http) || http.getRequest() == null) {
            // not a request of the Vert.x server (nothing else uses this filter): nothing comes in
            return true;
        }
        HttpServerRequest request = http.getRequest();
        List<String> headerValues = request.headers().getAll(headerName);
        Set<String> queryNames = headerValues.isEmpty() ? queryNames(request.query()) : Set.of();
        List<String> formValues = headerValues.isEmpty() ? request.formAttributes().getAll(headerName) : List.of();
        return !InboundHeaderRule.admit(headerName, headerValues, queryNames, formValues, count(in.getHeader(headerName)));
    }

    private static Set<String> queryNames(String rawQuery) {
        return QueryStrings.pairs(rawQuery).stream().map(java.util.Map.Entry::getKey).collect(Collectors.toSet());
    }

    private static int count(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof Collection<?> values ? values.size() : 1;
    }
}
