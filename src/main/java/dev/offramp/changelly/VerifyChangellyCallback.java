package dev.offramp.changelly;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks a Changelly callback (raw body bytes as the message body), the webhook template's verify step
 * for Changelly. Changelly signs only {@code {"orderId":…}}, so the body is read first
 * ({@link ChangellyCallbacks#read}: a malformed callback fails as the reader does, 400 naming the field)
 * and variable {@code event} keeps what it read. Then {@link ChangellyCallbackVerifier} checks
 * {@code x-callback-signature} over the order id. Sets variable {@code signatureRefusal}: null when it
 * verifies, otherwise why not.
 */
public final class VerifyChangellyCallback implements Processor {

    static final String REFUSAL = "x-callback-signature does not verify";

    private final ChangellyCallbacks callbacks;
    private final ChangellyCallbackVerifier verifier;

    public VerifyChangellyCallback(ChangellyCallbacks callbacks, ChangellyCallbackVerifier verifier) {
        this.callbacks = callbacks;
        this.verifier = verifier;
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> event = callbacks.read(exchange.getMessage().getBody(byte[].class));
        exchange.setVariable("event", event);
        boolean valid = verifier.verify((String) event.get("order_id"),
                exchange.getMessage().getHeader("x-callback-signature", String.class));
        exchange.setVariable("signatureRefusal", valid ? null : REFUSAL);
    }
}
