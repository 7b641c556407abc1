package io.xxgk.contract.event;

import io.xxgk.contract.Topics;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place the CloudEvents headers of every event are built (Kafka protocol binding, binary mode): the required
 * attributes, {@code ce_time}, the content type, and this project's extensions. {@code ce_id} is the record's id, with
 * {@code #rN} for a later revision (and {@code #sN} for the N-th sign-off step on it), so {@code (ce_source, ce_id)}
 * is unique per event.
 */
public final class CloudEventHeaders {

    public static final String CE_TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON_UTF8 = "application/json; charset=UTF-8";
    public static final String ITEM_ID = "xxgk_item_id";
    public static final String REVISION = "xxgk_revision";
    public static final String DECISION = "xxgk_decision";
    /** Version-2 classified events: where the revision stands in its sign-off ({@link SignOff.Status}). */
    public static final String SIGN_OFF = "xxgk_sign_off";

    private CloudEventHeaders() {
    }

    public static Map<String, String> of(ItemSubmitted e) {
        Map<String, String> h = base(revisionId(e.itemId(), e.revision(), false), ItemSubmitted.CLOUD_EVENT_TYPE,
                e.schoolCode(), e.submittedAt());
        h.put(ITEM_ID, e.itemId());
        h.put(REVISION, Integer.toString(e.revision()));
        return Collections.unmodifiableMap(h);
    }

    public static Map<String, String> of(ItemClassified c) {
        String type = c.schemaVersion() <= ItemClassified.SCHEMA_VERSION_1 ? ItemClassified.CLOUD_EVENT_TYPE_V1
                : ItemClassified.CLOUD_EVENT_TYPE;
        // each sign-off step is a new event about the same revision: #sN keeps (ce_source, ce_id) unique
        String id = revisionId(c.itemId(), c.revision(), false)
                + (c.signOff() == null || c.signOff().steps().isEmpty() ? "" : "#s" + c.signOff().steps().size());
        Map<String, String> h = base(id, type, c.schoolCode(), c.classifiedAt());
        h.put(DECISION, c.decision().name());
        if (c.signOff() != null) {
            h.put(SIGN_OFF, c.signOff().status().name());
        }
        return Collections.unmodifiableMap(h);
    }

    public static Map<String, String> of(DisclosureRequestEvent e) {
        return Collections.unmodifiableMap(base(revisionId(e.recordId(), e.revision(), true),
                DisclosureRequestEvent.CLOUD_EVENT_TYPE, e.schoolCode(), e.submittedAt()));
    }

    /** The same headers as Kafka record headers, UTF-8. */
    public static RecordHeaders toKafka(Map<String, String> headers) {
        RecordHeaders h = new RecordHeaders();
        headers.forEach((name, value) -> h.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return h;
    }

    private static String revisionId(String id, int revision, boolean alwaysNumbered) {
        return revision == 1 && !alwaysNumbered ? id : id + "#r" + revision;
    }

    private static Map<String, String> base(String id, String type, String schoolCode, Instant time) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(Topics.CE_SPECVERSION, "1.0");
        h.put(Topics.CE_ID, id);
        h.put(Topics.CE_TYPE, type);
        h.put(Topics.CE_SOURCE, "/schools/" + schoolCode);
        if (time != null) {
            h.put(CE_TIME, time.toString());
        }
        h.put(CONTENT_TYPE, JSON_UTF8);
        return h;
    }
}
