package io.xxgk.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Event on {@link io.xxgk.contract.Topics#ITEMS_CLASSIFIED}: an item revision with its place in the checklist.
 * Title and body are the public copy (personal data already masked).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemClassified(
        int schemaVersion,
        String itemId,
        int revision,
        String schoolCode,
        String department,
        String title,
        String body,
        ItemKind kind,
        LocalDate producedDate,
        LocalDate publishedDate,
        List<Channel> channels,
        String sourceUrl,
        Integer checklistItem,
        Integer category,
        double confidence,
        String explanation,
        Decision decision,
        List<String> holdReasons,
        boolean personalDataMasked,
        String withholdReason,
        List<AttachmentRef> attachments,
        Instant classifiedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "cn.xxgk.item.classified.v1";

    public ItemClassified {
        channels = channels == null ? List.of() : List.copyOf(channels);
        holdReasons = holdReasons == null ? List.of() : List.copyOf(holdReasons);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Decodes an event a consumer can act on. @throws MalformedEventException if unreadable or incomplete */
    public static ItemClassified decodeComplete(String json) {
        ItemClassified e = EventCodec.decode(json, ItemClassified.class);
        if (e.itemId() == null || e.schoolCode() == null || e.decision() == null) {
            throw new MalformedEventException("missing itemId, schoolCode or decision");
        }
        return e;
    }
}
