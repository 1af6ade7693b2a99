package dev.offramp.http;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.spi.CamelEvent.ExchangeFailedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per HTTP request or webhook, when it is done: method, path, status, time taken, the
 * order it was about (if any) and its correlation id. Never headers or bodies (they hold keys and
 * personal data); the path carries our ids only.
 */
public final class RequestLog extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger("offramp.requests");

    public RequestLog() {
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
        LOG.info("{} -> {} in {} ms order={} correlation={}",
                requestLine == null ? exchange.getFromEndpoint().getEndpointUri() : requestLine,
                status == null ? (exchange.isFailed() ? 500 : 200) : status, millis,
                orderId == null ? "-" : orderId, correlation == null ? exchange.getExchangeId() : correlation);
    }
}
