package io.xxgk.publish.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.TraceContexts;
import io.xxgk.contract.failure.DeadLetters;
import io.xxgk.contract.failure.PollStore;
import io.xxgk.publish.service.CatalogueWriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Classified events into the catalogue, a poll at a time in one transaction (Hibernate batches the inserts). The
 * offsets are committed after the transaction, so a crash replays the poll; {@link CatalogueWriter} makes that
 * harmless. A database outage is waited out with the consumer paused; an event that can never be read or stored
 * goes to the dead-letter topic with the reason, and the rest of the poll is stored.
 */
@ApplicationScoped
public class ClassifiedItemConsumer {

    private final CatalogueWriter writer;
    private final DeadLetters deadLetters;
    private final Tracer tracer;

    public ClassifiedItemConsumer(CatalogueWriter writer, @Channel(Channels.DEAD_LETTER) MutinyEmitter<String> deadLetters,
                                  MeterRegistry registry, Tracer tracer) {
        this.writer = writer;
        this.tracer = tracer;
        this.deadLetters = new DeadLetters(deadLetters, "publish-service", Counter.builder("xxgk.dead.lettered")
                .description("records this service sent to the dead-letter topic, by the channel they came from")
                .tag("channel", Channels.ITEMS_CLASSIFIED).register(registry)::increment);
    }

    @Incoming(Channels.ITEMS_CLASSIFIED)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        // each record's storing is a span of the trace its item's POST began (ingest → classify → here)
        List<Span> spans = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            TraceContexts.context(TraceContexts.of(r.headers()).orElse(null)).ifPresent(parent -> spans.add(
                    tracer.spanBuilder("publish " + r.topic()).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                            .setAttribute("messaging.destination.name", r.topic())
                            .setAttribute("messaging.kafka.message.key", r.key() == null ? "" : r.key())
                            .startSpan()));
        }
        try {
            PollStore.store("storing classified events", records, ItemClassified::decodeComplete,
                    batch -> QuarkusTransaction.requiringNew().timeout(120).run(() -> {
                        batch.forEach(d -> writer.apply(d.event(), d.record().value()));
                        writer.flush();
                    }),
                    deadLetters);
        } finally {
            spans.forEach(Span::end);
        }
    }

}
