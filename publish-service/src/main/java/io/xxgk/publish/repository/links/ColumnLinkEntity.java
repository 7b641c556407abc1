package io.xxgk.publish.repository.links;

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

/** 栏目链接: the URL of the column of one checklist item on one school's website (V9). */
@Entity
@Table(name = "column_link")
@IdClass(ColumnLinkEntity.Key.class)
public class ColumnLinkEntity extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "checklist_item")
    public int checklistItem;

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
