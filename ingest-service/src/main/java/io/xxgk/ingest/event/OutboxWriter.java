package io.xxgk.ingest.event;

import io.xxgk.contract.Topics;
import io.xxgk.contract.event.CloudEventHeaders;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.TraceContexts;
import io.xxgk.ingest.config.TopicConfig;
import io.xxgk.ingest.repository.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;

/** Appends events to the outbox inside the caller's transaction; {@link OutboxRelay} sends them. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRelay relay;
    private final TopicConfig topics;

    public OutboxWriter(OutboxRelay relay, TopicConfig topics) {
        this.relay = relay;
        this.topics = topics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(ItemSubmitted event) {
        append(topics.itemsSubmitted(), Topics.itemKey(event.schoolCode(), event.itemId()), EventCodec.encode(event),
                CloudEventHeaders.of(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DisclosureRequestEvent event) {
        append(topics.requests(), event.schoolCode(), EventCodec.encode(event), CloudEventHeaders.of(event));
    }

    private void append(String topic, String key, String payload, Map<String, String> headers) {
        OutboxMessage m = new OutboxMessage();
        m.topic = topic;
        m.messageKey = key;
        m.payload = payload;
        m.headers = headers;
        m.createdAt = Instant.now();
        m.traceparent = TraceContexts.current().orElse(null);
        m.persist();
        relay.wakeUpAfterCommit();
    }
}
