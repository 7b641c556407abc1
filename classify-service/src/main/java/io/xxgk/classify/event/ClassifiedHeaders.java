package io.xxgk.classify.event;

import io.xxgk.contract.Topics;
import io.xxgk.contract.event.ItemClassified;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/** CloudEvents headers (Kafka binary mode) of a classified event. */
public final class ClassifiedHeaders {

    private ClassifiedHeaders() {
    }

    public static RecordHeaders of(ItemClassified c) {
        RecordHeaders h = new RecordHeaders();
        h.add(Topics.CE_SPECVERSION, bytes("1.0"));
        h.add(Topics.CE_ID, bytes(c.revision() == 1 ? c.itemId() : c.itemId() + "#r" + c.revision()));
        h.add(Topics.CE_TYPE, bytes(ItemClassified.CLOUD_EVENT_TYPE));
        h.add(Topics.CE_SOURCE, bytes("/schools/" + c.schoolCode()));
        h.add("content-type", bytes("application/json; charset=UTF-8"));
        h.add("xxgk_decision", bytes(c.decision().name()));
        return h;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
