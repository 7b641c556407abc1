package io.xxgk.publish.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A table with one row per school and checklist item (key {@code school_code, checklist_item}), which the console
 * sets and replaces: 本校不涉及 marks, 栏目链接.
 */
@MappedSuperclass
@IdClass(SchoolItemEntity.Key.class)
public abstract class SchoolItemEntity extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "checklist_item")
    public int checklistItem;

    /** The row of that school and item, or a new one with its key set (persist it after filling it in). */
    protected static <T extends SchoolItemEntity> T findOrNew(Class<T> type, Supplier<T> create, String schoolCode, int item) {
        T row = Panache.getEntityManager(type).find(type, new Key(schoolCode, item));
        if (row == null) {
            row = create.get();
            row.schoolCode = schoolCode;
            row.checklistItem = item;
        }
        return row;
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
