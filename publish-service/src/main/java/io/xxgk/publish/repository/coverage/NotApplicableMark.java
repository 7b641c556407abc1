package io.xxgk.publish.repository.coverage;

import io.xxgk.publish.repository.SchoolItemEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** 本校不涉及: the current mark of one checklist item of one school (V7). */
@Entity
@Table(name = "not_applicable_mark")
public class NotApplicableMark extends SchoolItemEntity {

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

    /** The school's row of that item, or a new one to fill in and persist. */
    public static NotApplicableMark findOrNew(String schoolCode, int item) {
        return findOrNew(NotApplicableMark.class, NotApplicableMark::new, schoolCode, item);
    }
}
