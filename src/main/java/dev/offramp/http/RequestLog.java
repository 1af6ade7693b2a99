package dev.offramp.http;

import dev.offramp.logging.OffRampMdc;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per HTTP request or webhook, when it is done: method, path, status, time taken, the
 * order it was about (if any) and its correlation id. Never headers or bodies (they hold keys and
 * personal data); the path carries our ids only.
 */
public final class RequestLog extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger("offramp.requests");
    /** camel-mdc's key for the route id, so the request line has it under the same name as route lines. */
    private static final String ROUTE_ID = "camel.routeId";

    private final boolean mdc;

    /** @param mdc put the line's ids in the MDC too (JSON logs, where they become fields) */
    public RequestLog(boolean mdc) {
        this.mdc = mdc;
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        if (!(event instanceof ExchangeCompletedEvent) && !(event instanceof ExchangeFailedEvent)) {
            return false;
        }
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        // a copy made inside the request completes with the request's endpoint too, but it is not a request,
        // and its failures are not the answer's status: a split's part (correlated to the request; a split's
        // result copied back leaves the request correlated to itself) or a wire tap that goes on after the
        // answer (a one-way copy; an HTTP request always waits for its reply)
        Object correlatedTo = exchange.getProperty(ExchangePropertyKey.CORRELATION_ID);
        if (correlatedTo != null && !correlatedTo.equals(exchange.getExchangeId()) || exchange.getPattern() == ExchangePattern.InOnly) {
            return false;
        }
        String from = exchange.getFromEndpoint() == null ? "" : exchange.getFromEndpoint().getEndpointUri();
        // the simulators' own traffic is not the bundle's: left out
        return (from.startsWith("platform-http") || from.startsWith("rest:")) && !from.contains("/sandbox/");
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
        Object status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        long millis = System.currentTimeMillis() - exchange.getCreated();
        Object orderId = exchange.getVariable("orderId");
        Object correlation = exchange.getVariable("correlationId");
        // upstream calls clear the message headers on the way: the request line was kept in a variable
        Object requestLine = exchange.getVariable("requestLine");
        String correlationId = correlation == null ? exchange.getExchangeId() : correlation.toString();
        if (!mdc) {
            log(exchange, status, millis, orderId, requestLine, correlationId);
            return;
        }
        // written after the exchange, outside any processor: the MDC camel-mdc fills per processor is not
        // there, so the ids JSON logs carry as fields are put for this line (OffRampMdc's keys)
        MDC.put(OffRampMdc.CORRELATION_ID, correlationId);
        if (orderId != null) {
            MDC.put(OffRampMdc.ORDER_ID, orderId.toString());
        }
        MDC.put(ROUTE_ID, exchange.getFromRouteId());
        try {
            log(exchange, status, millis, orderId, requestLine, correlationId);
        } finally {
            MDC.remove(OffRampMdc.CORRELATION_ID);
            MDC.remove(OffRampMdc.ORDER_ID);
            MDC.remove(ROUTE_ID);
        }
    }

    private static void log(Exchange exchange, Object status, long millis, Object orderId, Object requestLine, String correlationId) {
        LOG.info("{} -> {} in {} ms order={} correlation={}",
                requestLine == null ? exchange.getFromEndpoint().getEndpointUri() : requestLine,
                status == null ? (exchange.isFailed() ? 500 : 200) : status, millis,
                orderId == null ? "-" : orderId, correlationId);
    }
}
