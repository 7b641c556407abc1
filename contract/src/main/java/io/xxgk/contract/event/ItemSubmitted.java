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
        Instant submittedAt,
        Scope scope) {

    public static final int SCHEMA_VERSION = 1;
    public static final String CLOUD_EVENT_TYPE = "cn.xxgk.item.submitted.v1";

    public ItemSubmitted {
        channels = channels == null ? List.of() : List.copyOf(channels);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        scope = scope == null ? Scope.PUBLIC : scope;
    }

    /** An event of a public item (社会公开), as events were before {@code scope} existed. */
    public ItemSubmitted(int schemaVersion, String itemId, int revision, ItemAction action, String schoolCode,
                         String department, String title, String body, ItemKind kind, LocalDate producedDate,
                         LocalDate publishedDate, List<Channel> channels, String sourceUrl, Integer checklistHint,
                         boolean withheld, String withholdReason, String withdrawReason, List<AttachmentRef> attachments,
                         Instant submittedAt) {
        this(schemaVersion, itemId, revision, action, schoolCode, department, title, body, kind, producedDate,
                publishedDate, channels, sourceUrl, checklistHint, withheld, withholdReason, withdrawReason, attachments,
                submittedAt, Scope.PUBLIC);
    }

    /** A builder holding this event's values, to change a few of them by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemaVersion = schemaVersion;
        b.itemId = itemId;
        b.revision = revision;
        b.action = action;
        b.schoolCode = schoolCode;
        b.department = department;
        b.title = title;
        b.body = body;
        b.kind = kind;
        b.producedDate = producedDate;
        b.publishedDate = publishedDate;
        b.channels = channels;
        b.sourceUrl = sourceUrl;
        b.checklistHint = checklistHint;
        b.withheld = withheld;
        b.withholdReason = withholdReason;
        b.withdrawReason = withdrawReason;
        b.attachments = attachments;
        b.submittedAt = submittedAt;
        b.scope = scope;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ItemSubmitted} by field name, never by position. */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private String itemId;
        private int revision;
        private ItemAction action;
        private String schoolCode;
        private String department;
        private String title;
        private String body;
        private ItemKind kind;
        private LocalDate producedDate;
        private LocalDate publishedDate;
        private List<Channel> channels;
        private String sourceUrl;
        private Integer checklistHint;
        private boolean withheld;
        private String withholdReason;
        private String withdrawReason;
        private List<AttachmentRef> attachments;
        private Instant submittedAt;
        private Scope scope;

        private Builder() {
        }

        public Builder schemaVersion(int schemaVersion) {
            this.schemaVersion = schemaVersion;
            return this;
        }

        public Builder itemId(String itemId) {
            this.itemId = itemId;
            return this;
        }

        public Builder revision(int revision) {
            this.revision = revision;
            return this;
        }

        public Builder action(ItemAction action) {
            this.action = action;
            return this;
        }

        public Builder schoolCode(String schoolCode) {
            this.schoolCode = schoolCode;
            return this;
        }

        public Builder department(String department) {
            this.department = department;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder kind(ItemKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder producedDate(LocalDate producedDate) {
            this.producedDate = producedDate;
            return this;
        }

        public Builder publishedDate(LocalDate publishedDate) {
            this.publishedDate = publishedDate;
            return this;
        }

        public Builder channels(List<Channel> channels) {
            this.channels = channels;
            return this;
        }

        public Builder sourceUrl(String sourceUrl) {
            this.sourceUrl = sourceUrl;
            return this;
        }

        public Builder checklistHint(Integer checklistHint) {
            this.checklistHint = checklistHint;
            return this;
        }

        public Builder withheld(boolean withheld) {
            this.withheld = withheld;
            return this;
        }

        public Builder withholdReason(String withholdReason) {
            this.withholdReason = withholdReason;
            return this;
        }

        public Builder withdrawReason(String withdrawReason) {
            this.withdrawReason = withdrawReason;
            return this;
        }

        public Builder attachments(List<AttachmentRef> attachments) {
            this.attachments = attachments;
            return this;
        }

        public Builder submittedAt(Instant submittedAt) {
            this.submittedAt = submittedAt;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public ItemSubmitted build() {
            return new ItemSubmitted(schemaVersion, itemId, revision, action, schoolCode, department, title, body, kind, producedDate, publishedDate, channels, sourceUrl, checklistHint, withheld, withholdReason, withdrawReason, attachments, submittedAt, scope);
        }
    }
}
