package io.xxgk.publish;

import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Builds {@link ItemClassified} events (22 components) by name, so no test rebuilds one by position to change a
 * field: {@code ItemClassifiedBuilder.from(e).itemId("x").build()}.
 */
public final class ItemClassifiedBuilder {

    private int schemaVersion;
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

    private ItemClassifiedBuilder() {
    }

    /** A published news item of schema version 1, classified now, with every list empty. */
    public static ItemClassifiedBuilder item(String schoolCode, String itemId) {
        ItemClassifiedBuilder b = new ItemClassifiedBuilder();
        b.schemaVersion = ItemClassified.SCHEMA_VERSION;
        b.schoolCode = schoolCode;
        b.itemId = itemId;
        b.revision = 1;
        b.kind = ItemKind.NEWS;
        b.decision = Decision.PUBLISH;
        b.channels = List.of();
        b.holdReasons = List.of();
        b.attachments = List.of();
        b.classifiedAt = Instant.now();
        return b;
    }

    /** Every field of {@code e}. */
    public static ItemClassifiedBuilder from(ItemClassified e) {
        ItemClassifiedBuilder b = new ItemClassifiedBuilder();
        b.schemaVersion = e.schemaVersion();
        b.itemId = e.itemId();
        b.revision = e.revision();
        b.schoolCode = e.schoolCode();
        b.department = e.department();
        b.title = e.title();
        b.body = e.body();
        b.kind = e.kind();
        b.producedDate = e.producedDate();
        b.publishedDate = e.publishedDate();
        b.channels = e.channels();
        b.sourceUrl = e.sourceUrl();
        b.checklistItem = e.checklistItem();
        b.category = e.category();
        b.confidence = e.confidence();
        b.explanation = e.explanation();
        b.decision = e.decision();
        b.holdReasons = e.holdReasons();
        b.personalDataMasked = e.personalDataMasked();
        b.withholdReason = e.withholdReason();
        b.attachments = e.attachments();
        b.classifiedAt = e.classifiedAt();
        return b;
    }

    public ItemClassifiedBuilder schemaVersion(int schemaVersion) {
        this.schemaVersion = schemaVersion;
        return this;
    }

    public ItemClassifiedBuilder itemId(String itemId) {
        this.itemId = itemId;
        return this;
    }

    public ItemClassifiedBuilder revision(int revision) {
        this.revision = revision;
        return this;
    }

    public ItemClassifiedBuilder schoolCode(String schoolCode) {
        this.schoolCode = schoolCode;
        return this;
    }

    public ItemClassifiedBuilder department(String department) {
        this.department = department;
        return this;
    }

    public ItemClassifiedBuilder title(String title) {
        this.title = title;
        return this;
    }

    public ItemClassifiedBuilder body(String body) {
        this.body = body;
        return this;
    }

    public ItemClassifiedBuilder kind(ItemKind kind) {
        this.kind = kind;
        return this;
    }

    public ItemClassifiedBuilder producedDate(LocalDate producedDate) {
        this.producedDate = producedDate;
        return this;
    }

    public ItemClassifiedBuilder publishedDate(LocalDate publishedDate) {
        this.publishedDate = publishedDate;
        return this;
    }

    public ItemClassifiedBuilder channels(List<Channel> channels) {
        this.channels = channels;
        return this;
    }

    public ItemClassifiedBuilder sourceUrl(String sourceUrl) {
        this.sourceUrl = sourceUrl;
        return this;
    }

    public ItemClassifiedBuilder checklistItem(Integer checklistItem) {
        this.checklistItem = checklistItem;
        return this;
    }

    public ItemClassifiedBuilder category(Integer category) {
        this.category = category;
        return this;
    }

    public ItemClassifiedBuilder confidence(double confidence) {
        this.confidence = confidence;
        return this;
    }

    public ItemClassifiedBuilder explanation(String explanation) {
        this.explanation = explanation;
        return this;
    }

    public ItemClassifiedBuilder decision(Decision decision) {
        this.decision = decision;
        return this;
    }

    public ItemClassifiedBuilder holdReasons(List<String> holdReasons) {
        this.holdReasons = holdReasons;
        return this;
    }

    public ItemClassifiedBuilder personalDataMasked(boolean personalDataMasked) {
        this.personalDataMasked = personalDataMasked;
        return this;
    }

    public ItemClassifiedBuilder withholdReason(String withholdReason) {
        this.withholdReason = withholdReason;
        return this;
    }

    public ItemClassifiedBuilder attachments(List<AttachmentRef> attachments) {
        this.attachments = attachments;
        return this;
    }

    public ItemClassifiedBuilder classifiedAt(Instant classifiedAt) {
        this.classifiedAt = classifiedAt;
        return this;
    }

    public ItemClassified build() {
        return new ItemClassified(schemaVersion, itemId, revision, schoolCode, department, title, body, kind, producedDate, publishedDate, channels, sourceUrl, checklistItem, category, confidence, explanation, decision, holdReasons, personalDataMasked, withholdReason, attachments, classifiedAt);
    }
}
