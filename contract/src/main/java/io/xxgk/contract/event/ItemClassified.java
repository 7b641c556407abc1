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
        Instant classifiedAt,
        SignOff signOff,
        Scope scope,
        Integer modelVersion) {

    /** Version 2 adds {@link #signOff()}; version-1 events (no sign-off) stay readable and mean mode AUTO. */
    public static final int SCHEMA_VERSION = 2;
    public static final String CLOUD_EVENT_TYPE = "cn.xxgk.item.classified.v2";
    public static final int SCHEMA_VERSION_1 = 1;
    public static final String CLOUD_EVENT_TYPE_V1 = "cn.xxgk.item.classified.v1";

    /**
     * {@code modelVersion}: the stored classifier model that placed the item (optional; absent in events written before
     * models were versioned, and null when read from them).
     */
    public ItemClassified {
        channels = channels == null ? List.of() : List.copyOf(channels);
        holdReasons = holdReasons == null ? List.of() : List.copyOf(holdReasons);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        scope = scope == null ? Scope.PUBLIC : scope;
    }

    /** An event as before {@code modelVersion} existed (no model version). */
    public ItemClassified(int schemaVersion, String itemId, int revision, String schoolCode, String department,
                          String title, String body, ItemKind kind, LocalDate producedDate, LocalDate publishedDate,
                          List<Channel> channels, String sourceUrl, Integer checklistItem, Integer category,
                          double confidence, String explanation, Decision decision, List<String> holdReasons,
                          boolean personalDataMasked, String withholdReason, List<AttachmentRef> attachments,
                          Instant classifiedAt, SignOff signOff, Scope scope) {
        this(schemaVersion, itemId, revision, schoolCode, department, title, body, kind, producedDate, publishedDate,
                channels, sourceUrl, checklistItem, category, confidence, explanation, decision, holdReasons,
                personalDataMasked, withholdReason, attachments, classifiedAt, signOff, scope, null);
    }

    /** An event of a public item (社会公开), as events were before {@code scope} existed. */
    public ItemClassified(int schemaVersion, String itemId, int revision, String schoolCode, String department,
                          String title, String body, ItemKind kind, LocalDate producedDate, LocalDate publishedDate,
                          List<Channel> channels, String sourceUrl, Integer checklistItem, Integer category,
                          double confidence, String explanation, Decision decision, List<String> holdReasons,
                          boolean personalDataMasked, String withholdReason, List<AttachmentRef> attachments,
                          Instant classifiedAt) {
        this(schemaVersion, itemId, revision, schoolCode, department, title, body, kind, producedDate, publishedDate,
                channels, sourceUrl, checklistItem, category, confidence, explanation, decision, holdReasons,
                personalDataMasked, withholdReason, attachments, classifiedAt, null, Scope.PUBLIC, null);
    }

    /** The sign-off, or mode AUTO without steps for a version-1 event (which had none). */
    public SignOff signOffOrAuto() {
        return signOff == null ? SignOff.start(SignOffMode.AUTO) : signOff;
    }

    /**
     * True when this event makes its revision public: decision PUBLISH and, defence in depth, a sign-off that allows it
     * (mode AUTO or every required stage approved).
     */
    public boolean publishable() {
        return decision == Decision.PUBLISH && signOffOrAuto().allowsPublication();
    }

    /** Decodes an event a consumer can act on. @throws MalformedEventException if unreadable or incomplete */
    public static ItemClassified decodeComplete(String json) {
        ItemClassified e = EventCodec.decode(json, ItemClassified.class);
        if (e.itemId() == null || e.schoolCode() == null || e.decision() == null) {
            throw new MalformedEventException("missing itemId, schoolCode or decision");
        }
        return e;
    }

    /** A builder holding this event's values, to change a few of them by name. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.schemaVersion = schemaVersion;
        b.itemId = itemId;
        b.revision = revision;
        b.schoolCode = schoolCode;
        b.department = department;
        b.title = title;
        b.body = body;
        b.kind = kind;
        b.producedDate = producedDate;
        b.publishedDate = publishedDate;
        b.channels = channels;
        b.sourceUrl = sourceUrl;
        b.checklistItem = checklistItem;
        b.category = category;
        b.confidence = confidence;
        b.explanation = explanation;
        b.decision = decision;
        b.holdReasons = holdReasons;
        b.personalDataMasked = personalDataMasked;
        b.withholdReason = withholdReason;
        b.attachments = attachments;
        b.classifiedAt = classifiedAt;
        b.signOff = signOff;
        b.scope = scope;
        b.modelVersion = modelVersion;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ItemClassified} by field name, never by position. */
    public static final class Builder {
        private int schemaVersion = SCHEMA_VERSION;
        private String itemId;
        private int revision;
        private String schoolCode;
        private String department;
        private String title;
        private String body;
        private ItemKind kind;
        private LocalDate producedDate;
        private LocalDate publishedDate;
        private List<Channel> channels;
        private String sourceUrl;
        private Integer checklistItem;
        private Integer category;
        private double confidence;
        private String explanation;
        private Decision decision;
        private List<String> holdReasons;
        private boolean personalDataMasked;
        private String withholdReason;
        private List<AttachmentRef> attachments;
        private Instant classifiedAt;
        private SignOff signOff;
        private Integer modelVersion;
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

        public Builder checklistItem(Integer checklistItem) {
            this.checklistItem = checklistItem;
            return this;
        }

        public Builder category(Integer category) {
            this.category = category;
            return this;
        }

        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        public Builder explanation(String explanation) {
            this.explanation = explanation;
            return this;
        }

        public Builder decision(Decision decision) {
            this.decision = decision;
            return this;
        }

        public Builder holdReasons(List<String> holdReasons) {
            this.holdReasons = holdReasons;
            return this;
        }

        public Builder personalDataMasked(boolean personalDataMasked) {
            this.personalDataMasked = personalDataMasked;
            return this;
        }

        public Builder withholdReason(String withholdReason) {
            this.withholdReason = withholdReason;
            return this;
        }

        public Builder attachments(List<AttachmentRef> attachments) {
            this.attachments = attachments;
            return this;
        }

        public Builder classifiedAt(Instant classifiedAt) {
            this.classifiedAt = classifiedAt;
            return this;
        }

        public Builder scope(Scope scope) {
            this.scope = scope;
            return this;
        }

        public Builder modelVersion(Integer modelVersion) {
            this.modelVersion = modelVersion;
            return this;
        }

        public Builder signOff(SignOff signOff) {
            this.signOff = signOff;
            return this;
        }

        public ItemClassified build() {
            return new ItemClassified(schemaVersion, itemId, revision, schoolCode, department, title, body, kind, producedDate, publishedDate, channels, sourceUrl, checklistItem, category, confidence, explanation, decision, holdReasons, personalDataMasked, withholdReason, attachments, classifiedAt, signOff, scope, modelVersion);
        }
    }
}
