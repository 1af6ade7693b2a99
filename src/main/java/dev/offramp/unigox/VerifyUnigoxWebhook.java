package dev.offramp.unigox;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks a Unigox delivery's signature over the raw body bytes (the message body) with
 * {@link UnigoxWebhookSignature}. Sets variable {@code signatureRefusal}: null when valid, otherwise
 * the refusal code (missing_signature, mismatch, ...), and variable {@code webhookStale}: true for a
 * correctly signed delivery outside the timestamp tolerance, which is stored but whose body is not
 * applied (webhook-unigox-process hands it to webhook-unigox-stale, which fetches the order). Without a
 * signature checker (Unigox switched off, no secrets configured) every delivery is refused
 * ({@code no_secrets}).
 */
public final class VerifyUnigoxWebhook implements Processor {

    private final UnigoxWebhookSignature signature;

    public VerifyUnigoxWebhook(UnigoxWebhookSignature signature) {
        this.signature = signature;
    }

    @Override
    public void process(Exchange exchange) {
        if (signature == null) {
            exchange.setVariable("signatureRefusal", "no_secrets");
            return;
        }
        UnigoxWebhookSignature.Verdict verdict = signature.verify(
                exchange.getMessage().getHeader("X-Unigox-Signature", String.class),
                exchange.getMessage().getHeader("X-Unigox-Timestamp", String.class),
                exchange.getMessage().getBody(byte[].class));
        exchange.setVariable("signatureRefusal", verdict.signed() ? null : verdict.code());
        exchange.setVariable("webhookStale", verdict == UnigoxWebhookSignature.Verdict.STALE_SIGNED);
    }
}
