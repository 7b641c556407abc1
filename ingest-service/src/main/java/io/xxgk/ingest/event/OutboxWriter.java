package io.xxgk.ingest.event;

import io.xxgk.contract.Topics;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.ingest.config.TopicConfig;
import io.xxgk.ingest.repository.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
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
        append(topics.itemsSubmitted(), event.schoolCode(), EventCodec.encode(event), cloudEventHeaders(event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DisclosureRequestEvent event) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Topics.CE_SPECVERSION, "1.0");
        h.put(Topics.CE_ID, event.recordId() + "#r" + event.revision());
        h.put(Topics.CE_TYPE, DisclosureRequestEvent.CLOUD_EVENT_TYPE);
        h.put(Topics.CE_SOURCE, "/schools/" + event.schoolCode());
        h.put("ce_time", event.submittedAt().toString());
        h.put("content-type", "application/json; charset=UTF-8");
        append(topics.requests(), event.schoolCode(), EventCodec.encode(event), h);
    }

    private void append(String topic, String key, String payload, Map<String, String> headers) {
        OutboxMessage m = new OutboxMessage();
        m.topic = topic;
        m.messageKey = key;
        m.payload = payload;
        m.headers = headers;
        m.createdAt = Instant.now();
        m.persist();
        relay.wakeUpAfterCommit();
    }

    static Map<String, String> cloudEventHeaders(ItemSubmitted event) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Topics.CE_SPECVERSION, "1.0");
        // ce_id is the item id; later revisions add their number so (source, id) stays unique per event
        h.put(Topics.CE_ID, event.revision() == 1 ? event.itemId() : event.itemId() + "#r" + event.revision());
        h.put(Topics.CE_TYPE, ItemSubmitted.CLOUD_EVENT_TYPE);
        h.put(Topics.CE_SOURCE, "/schools/" + event.schoolCode());
        h.put("ce_time", event.submittedAt().toString());
        h.put("content-type", "application/json; charset=UTF-8");
        h.put("xxgk_item_id", event.itemId());
        h.put("xxgk_revision", Integer.toString(event.revision()));
        return h;
    }
}
