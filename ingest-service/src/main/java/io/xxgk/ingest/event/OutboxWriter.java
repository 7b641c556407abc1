package io.xxgk.ingest.event;

import io.xxgk.contract.Topics;
import io.xxgk.contract.event.CloudEventHeaders;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.TraceContexts;
import io.xxgk.ingest.config.TopicConfig;
import io.xxgk.ingest.repository.ChunkInserts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;

/**
 * Appends events to the outbox inside the caller's transaction; {@link OutboxRelay} sends them. Each row carries the
 * trace context current when it is appended.
 */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRelay relay;
    private final TopicConfig topics;
    private final ChunkInserts inserts;

    public OutboxWriter(OutboxRelay relay, TopicConfig topics, ChunkInserts inserts) {
        this.relay = relay;
        this.topics = topics;
        this.inserts = inserts;
    }

    /**
     * Queues the item's event; it is written with the other rows of the transaction when the caller flushes
     * {@link ChunkInserts} (a chunk's outbox rows in one batch).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(ItemSubmitted event) {
        append(topics.itemsSubmitted(), Topics.itemKey(event.schoolCode(), event.itemId()), EventCodec.encode(event),
                CloudEventHeaders.of(event));
    }

    /** Writes the register entry's event at once (one at a time: nothing to batch). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DisclosureRequestEvent event) {
        append(topics.requests(), event.schoolCode(), EventCodec.encode(event), CloudEventHeaders.of(event));
        inserts.flush();
    }

    private void append(String topic, String key, String payload, Map<String, String> headers) {
        inserts.add(new ChunkInserts.OutboxRow(topic, key, payload, headers, Instant.now(),
                TraceContexts.current().orElse(null)));
        relay.wakeUpAfterCommit();
    }
}
