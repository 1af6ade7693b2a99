package dev.offramp.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;

/**
 * Wraps whichever sampler OTEL_TRACES_SAMPLER chose so that housekeeping leaves no trace: a trace that
 * would start at a Camel timer (Camel names its span after the component, {@code timer}) is not recorded,
 * nor is anything under it. The bundle's timers are its polling loops: the events delivery loop every
 * offramp.events.poll-ms (four ticks a second by default, nearly all of them idle), the Unigox key check,
 * events retention, the start-up tasks. What matters of that work is traced where it belongs: each event's
 * delivery is a span of its own in the trace that wrote the event ({@code dev.offramp.events.EventTrace}).
 * Reconciliation runs start at Quartz and are traced.
 *
 * <p>Under a span this sampler dropped, Camel's child spans have a local parent that is not sampled; they
 * are dropped here too, whatever the wrapped sampler (the SDK's default, parent-based, does the same; a
 * ratio or always-on sampler would otherwise record them as orphans).
 */
final class TimerTicksUntraced implements Sampler {

    /** The span name camel-telemetry gives a route started by a timer endpoint. */
    static final String TIMER_SPAN = "timer";

    private final Sampler delegate;

    TimerTicksUntraced(Sampler delegate) {
        this.delegate = delegate;
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        SpanContext parent = Span.fromContext(parentContext).getSpanContext();
        if (!parent.isValid() && TIMER_SPAN.equals(name)) {
            return SamplingResult.drop();
        }
        if (parent.isValid() && !parent.isRemote() && !parent.isSampled()) {
            return SamplingResult.drop();
        }
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "TimerTicksUntraced{" + delegate.getDescription() + "}";
    }
}
