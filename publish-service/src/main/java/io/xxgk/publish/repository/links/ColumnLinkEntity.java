package io.xxgk.publish.repository.links;

import io.xxgk.publish.repository.SchoolItemEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** 栏目链接: the URL of the column of one checklist item on one school's website (V9). */
@Entity
@Table(name = "column_link")
public class ColumnLinkEntity extends SchoolItemEntity {

    @Column(columnDefinition = "text")
    public String url;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_role")
    public String updatedRole;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static List<ColumnLinkEntity> ofSchool(String schoolCode) {
        return list("schoolCode = ?1 order by checklistItem", schoolCode);
    }

    public static ColumnLinkEntity find(String schoolCode, int item) {
        return findById(new Key(schoolCode, item));
    }

    /** The school's row of that item, or a new one to fill in and persist. */
    public static ColumnLinkEntity findOrNew(String schoolCode, int item) {
        return findOrNew(ColumnLinkEntity.class, ColumnLinkEntity::new, schoolCode, item);
    }
}
