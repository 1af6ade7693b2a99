package dev.offramp.upstream;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** The step of upstream-exchange before each attempt: waits for the upstream's rate cap ({@link UpstreamRateLimit}). */
public final class AwaitUpstreamRateLimit implements Processor {

    private final UpstreamRateLimit limit;

    public AwaitUpstreamRateLimit(UpstreamRateLimit limit) {
        this.limit = limit;
    }

    @Override
    public void process(Exchange exchange) {
        limit.await();
    }
}
