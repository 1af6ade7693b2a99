package dev.offramp.unigox;

import dev.offramp.upstream.RepeatSafeCalls;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.model.dataformat.JsonDataFormat;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.camel.reifier.dataformat.DataFormatReifier;
import org.apache.camel.support.processor.MarshalProcessor;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Prepares one Unigox request once, before its attempts (the {@code prepareRequest} of the upstream-exchange
 * template): a map or list body becomes JSON, exactly as the route's {@code marshal: json: Jackson} step made
 * it; the bytes go into variable {@code unigoxRequest}, sent again as they are by every attempt; variable
 * {@code unigoxRepeatSafe} says whether the call may be repeated ({@link RepeatSafeCalls} by method and path,
 * unless the caller set {@code unigoxRetry} to false).
 */
public final class PrepareUnigoxRequest implements Processor {

    private final RepeatSafeCalls repeatSafeCalls;
    private volatile MarshalProcessor json;

    public PrepareUnigoxRequest(RepeatSafeCalls repeatSafeCalls) {
        this.repeatSafeCalls = repeatSafeCalls;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Map || body instanceof List) {
            json(exchange).process(exchange);
        }
        exchange.setVariable("unigoxRequest", exchange.getMessage().getBody());
        boolean repeatSafe = repeatSafeCalls.isRepeatSafe(
                exchange.getVariable("unigoxMethod", String.class), exchange.getVariable("unigoxPath", String.class))
                && !Boolean.FALSE.equals(exchange.getVariable("unigoxRetry", Boolean.class));
        exchange.setVariable("unigoxRepeatSafe", repeatSafe);
    }

    /** The same data format and processor the YAML step {@code marshal: json: library: Jackson} builds. */
    private MarshalProcessor json(Exchange exchange) {
        MarshalProcessor p = json;
        if (p == null) {
            synchronized (this) {
                p = json;
                if (p == null) {
                    JsonDataFormat definition = new JsonDataFormat(JsonLibrary.Jackson);
                    p = new MarshalProcessor(DataFormatReifier.getDataFormat(exchange.getContext(), definition));
                    p.setCamelContext(exchange.getContext());
                    ServiceHelper.startService(p);
                    json = p;
                }
            }
        }
        return p;
    }
}
