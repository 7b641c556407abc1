package io.xxgk.classify.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One processed (item, revision): makes the consumer idempotent and keeps what was decided. */
@Entity
@Table(name = "classification")
@IdClass(StoredDecision.Key.class)
public class StoredDecision extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "item_id")
    public String itemId;

    @Id
    public int revision;

    @Column(name = "checklist_item")
    public Integer checklistItem;

    public Integer category;

    public double confidence;

    @Column(nullable = false)
    public String decision;

    @Column(columnDefinition = "text")
    public String explanation;

    /** The classified event as sent, re-sent verbatim when the same submission arrives again. */
    @Column(name = "event", nullable = false, columnDefinition = "text")
    public String event;

    /** Comma-separated reasons of a HOLD. */
    @Column(name = "hold_reasons")
    public String holdReasons;

    /** The department's checklist-item hint. */
    public Integer hint;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    /** The classifier model version that made the decision (null: before models were versioned). */
    @Column(name = "model_version")
    public Integer modelVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The sign-off mode the revision was classified under (AUTO, OFFICE, TWO_LEVEL). */
    @Column(name = "sign_off_mode")
    public String signOffMode;

    /** The sign-off stage the revision waits for (OFFICE, LEADER); null when it waits for no one. */
    @Column(name = "sign_off_stage")
    public String signOffStage;

    /** The original title and body while the revision waits for sign-off (cleared when it is finished). */
    @Column(name = "original_title", columnDefinition = "text")
    public String originalTitle;

    @Column(name = "original_body", columnDefinition = "text")
    public String originalBody;

    /** Personal-data findings in the original title and body, as JSON (kinds and offsets, never the values). */
    @Column(columnDefinition = "text")
    public String findings;

    public static Optional<StoredDecision> find(String schoolCode, String itemId, int revision) {
        return findByIdOptional(new Key(schoolCode, itemId, revision));
    }

    /** Persists a new decision (inside the caller's transaction) with its event as sent. */
    public static StoredDecision store(ItemClassified c, Integer hint) {
        StoredDecision r = new StoredDecision();
        r.schoolCode = c.schoolCode();
        r.itemId = c.itemId();
        r.revision = c.revision();
        r.checklistItem = c.checklistItem();
        r.category = c.category();
        r.confidence = c.confidence();
        r.decision = c.decision().name();
        r.explanation = c.explanation();
        r.holdReasons = String.join(",", c.holdReasons());
        r.hint = hint;
        r.modelVersion = c.modelVersion();
        r.event = EventCodec.encode(c);
        r.createdAt = Instant.now();
        r.signOffMode = c.signOffOrAuto().mode().name();
        var awaiting = c.signOffOrAuto().awaiting();
        r.signOffStage = c.decision() == Decision.HOLD && awaiting != null ? awaiting.name() : null;
        r.persist();
        return r;
    }

    /** Held items of one school: how many, and since when the oldest waits. */
    public record HeldCount(String schoolCode, long held, Instant oldestHeldSince) {
    }

    /** The review queue's size per school (schools with nothing held are absent), by school code. */
    public static List<HeldCount> heldBySchool() {
        return getEntityManager().createQuery("select r.schoolCode, count(r), min(r.createdAt) from StoredDecision r "
                        + "where r.decision = 'HOLD' group by r.schoolCode order by r.schoolCode", Object[].class)
                .getResultList().stream()
                .map(row -> new HeldCount((String) row[0], ((Number) row[1]).longValue(), (Instant) row[2])).toList();
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String itemId;
        public int revision;

        public Key() {
        }

        public Key(String schoolCode, String itemId, int revision) {
            this.schoolCode = schoolCode;
            this.itemId = itemId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(itemId, k.itemId)
                    && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, itemId, revision);
        }
    }
}
