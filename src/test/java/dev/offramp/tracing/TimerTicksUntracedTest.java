package dev.offramp.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A polling timer's tick leaves no trace, nor does anything under it; everything else is the wrapped
 * sampler's call (always-on here, the strictest case: it would record all).
 */
class TimerTicksUntracedTest {

    @Test
    void aTimerStartedTraceAndItsChildrenAreDroppedTheRestIsTheWrappedSamplers() {
        InMemorySpanExporter collector = InMemorySpanExporter.create();
        List<String> recorded;
        try (SdkTracerProvider provider = SdkTracerProvider.builder().setSampler(new TimerTicksUntraced(Sampler.alwaysOn()))
                .addSpanProcessor(SimpleSpanProcessor.create(collector)).build()) {
            Tracer tracer = provider.get("test");
            // a tick of the delivery loop and the SQL under it
            Span tick = tracer.spanBuilder("timer").startSpan();
            assertThat(tick.isRecording()).isFalse();
            Span select = tracer.spanBuilder("sql").setParent(Context.root().with(tick)).startSpan();
            assertThat(select.isRecording()).isFalse();
            select.end();
            tick.end();
            // a webhook, and a step under it
            Span webhook = tracer.spanBuilder("POST").startSpan();
            Span step = tracer.spanBuilder("timer").setParent(Context.root().with(webhook)).startSpan();
            step.end();
            webhook.end();
            // an event's delivery continuing the trace that wrote it, passed on unsampled: always-on records it
            SpanContext written = SpanContext.createFromRemoteParent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                    TraceFlags.getDefault(), TraceState.getDefault());
            tracer.spanBuilder("event delivery").setParent(Context.root().with(Span.wrap(written))).startSpan().end();
            recorded = collector.getFinishedSpanItems().stream().map(SpanData::getName).toList();
        }
        assertThat(recorded).containsExactly("timer", "POST", "event delivery");
    }

    @Test
    void itSaysWhatItWraps() {
        assertThat(new TimerTicksUntraced(Sampler.alwaysOn()).getDescription()).isEqualTo("TimerTicksUntraced{AlwaysOnSampler}");
    }
}
