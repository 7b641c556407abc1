package io.xxgk.publish.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One sign-off step of a classified revision, as its event carried it. */
@Entity
@Table(name = "catalogue_sign_off_step")
@IdClass(SignOffStepRow.Key.class)
public class SignOffStepRow extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "item_id")
    public String itemId;

    @Id
    public int revision;

    @Id
    public int step;

    @Column(name = "sign_off_mode")
    public String mode;

    public String stage;

    public String action;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(columnDefinition = "text")
    public String note;

    @Column(name = "checklist_item")
    public Integer checklistItem;

    @Column(name = "withhold_reason")
    public String withholdReason;

    public static List<SignOffStepRow> ofItem(String schoolCode, String itemId) {
        return list("schoolCode = ?1 and itemId = ?2 order by revision, step", schoolCode, itemId);
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String itemId;
        public int revision;
        public int step;

        public Key() {
        }

        public Key(String schoolCode, String itemId, int revision, int step) {
            this.schoolCode = schoolCode;
            this.itemId = itemId;
            this.revision = revision;
            this.step = step;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(itemId, k.itemId)
                    && revision == k.revision && step == k.step;
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, itemId, revision, step);
        }
    }
}
