package io.xxgk.classify.event;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.CloudEventHeaders;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.TraceContexts;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A decision as a Kafka message: the encoded event, keyed by item (school/itemId), with its CloudEvents headers. */
final class DecisionMessages {

    private DecisionMessages() {
    }

    static Message<String> of(String event, ItemClassified decided) {
        return Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(Topics.itemKey(decided.schoolCode(), decided.itemId()))
                .withHeaders(CloudEventHeaders.toKafka(CloudEventHeaders.of(decided)))
                .build());
    }

    /** The same, its send a child of the trace of the submission it answers (traceparent null: a trace of its own). */
    static Message<String> of(String event, ItemClassified decided, String traceparent) {
        Message<String> m = of(event, decided);
        return TraceContexts.parent(traceparent).map(m::addMetadata).orElse(m);
    }
}
