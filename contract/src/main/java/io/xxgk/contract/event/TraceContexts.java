package io.xxgk.contract.event;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * W3C trace context across the pipeline's asynchronous hops: ingest keeps the request's {@code traceparent} in the
 * outbox row, every Kafka record carries one in its headers (SmallRye's Kafka tracing writes it), and a service that
 * sends on behalf of a record it read makes the send a child of that record's context. So one item's
 * POST → classify → publish is one trace. With tracing off ({@code quarkus.otel.sdk.disabled}) nothing is recorded.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The traceparent of the current span, if one is recording. */
    public static Optional<String> current() {
        if (!Span.current().getSpanContext().isValid()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** The context a traceparent names; empty if it is missing or malformed. */
    public static Optional<Context> context(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Optional.empty();
        }
        Context ctx = W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceparent.strip()), MAP);
        return Span.fromContext(ctx).getSpanContext().isValid() ? Optional.of(ctx) : Optional.empty();
    }

    /** Message metadata that makes the send of a message a child of {@code traceparent}. */
    public static Optional<TracingMetadata> parent(String traceparent) {
        return context(traceparent).map(ctx -> TracingMetadata.with(ctx, ctx));
    }

    /** The traceparent header of a Kafka record, if it has one. */
    public static Optional<String> of(Headers headers) {
        Header h = headers == null ? null : headers.lastHeader(TRACEPARENT);
        return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    /** The trace id of a traceparent (its second field), for logs and tests. */
    public static Optional<String> traceId(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        List<String> parts = List.of(traceparent.strip().split("-"));
        return parts.size() == 4 && parts.get(1).length() == 32 ? Optional.of(parts.get(1)) : Optional.empty();
    }
}
