package io.xxgk.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Event on {@link io.xxgk.contract.Topics#ITEMS_SUBMITTED}: one revision of one item as the department posted it.
 * Schema: {@code contract/src/main/resources/xxgk/schemas/item-submitted.v1.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemSubmitted(
        int schemaVersion,
        String itemId,
        int revision,
        ItemAction action,
        String schoolCode,
        String department,
        String title,
        String body,
        ItemKind kind,
        LocalDate producedDate,
        LocalDate publishedDate,
        List<Channel> channels,
        String sourceUrl,
        Integer checklistHint,
        boolean withheld,
        String withholdReason,
        String withdrawReason,
        List<AttachmentRef> attachments,
        Instant submittedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "cn.xxgk.item.submitted.v1";

    public ItemSubmitted {
        channels = channels == null ? List.of() : List.copyOf(channels);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
