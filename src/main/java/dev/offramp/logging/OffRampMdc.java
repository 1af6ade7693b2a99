package dev.offramp.logging;

import org.apache.camel.Exchange;
import org.apache.camel.mdc.MDCService;
import org.slf4j.MDC;

/**
 * camel-mdc's MDC service, which puts the route id, exchange id and the like in the logging MDC around
 * every processor and log step, plus what the bundle knows of the request: its correlation id and the
 * order it is about. Those are exchange variables (set by inbound-key-check and the order routes), which
 * camel-mdc does not read (only headers and properties). Installed only for JSON logs
 * (OFFRAMP_LOG_FORMAT=json, BundleConfiguration), where the MDC becomes fields of every line: it wraps
 * every processor, a cost the text format does not pay.
 */
public final class OffRampMdc extends MDCService {

    /** MDC keys; with JSON logs they are top-level fields of each line. */
    public static final String CORRELATION_ID = "offramp.correlation_id";
    public static final String ORDER_ID = "offramp.order_id";

    @Override
    protected void setMDC(Exchange exchange) {
        super.setMDC(exchange);
        put(CORRELATION_ID, exchange.getVariable("correlationId"));
        put(ORDER_ID, exchange.getVariable("orderId"));
    }

    @Override
    protected void unsetMDC(Exchange exchange) {
        super.unsetMDC(exchange);
        MDC.remove(CORRELATION_ID);
        MDC.remove(ORDER_ID);
    }

    private static void put(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value.toString());
        }
    }
}
