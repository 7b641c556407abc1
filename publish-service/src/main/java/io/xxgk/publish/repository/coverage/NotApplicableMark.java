package io.xxgk.publish.repository.coverage;

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

/** 本校不涉及: the current mark of one checklist item of one school (V7). */
@Entity
@Table(name = "not_applicable_mark")
@IdClass(NotApplicableMark.Key.class)
public class NotApplicableMark extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "checklist_item")
    public int checklistItem;

    public String reason;

    @Column(name = "marked_by")
    public String markedBy;

    @Column(name = "marked_role")
    public String markedRole;

    @Column(name = "marked_at")
    public Instant markedAt;

    public static List<NotApplicableMark> ofSchool(String schoolCode) {
        return list("schoolCode = ?1 order by checklistItem", schoolCode);
    }

    public static NotApplicableMark find(String schoolCode, int item) {
        return findById(new Key(schoolCode, item));
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public int checklistItem;

        public Key() {
        }

        public Key(String schoolCode, int checklistItem) {
            this.schoolCode = schoolCode;
            this.checklistItem = checklistItem;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && checklistItem == k.checklistItem;
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, checklistItem);
        }
    }
}
