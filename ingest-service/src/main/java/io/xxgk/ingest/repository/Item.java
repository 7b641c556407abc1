package io.xxgk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The current state of an item as ingest knows it; one row per (school, client id). */
@Entity
@Table(name = "item")
@IdClass(Item.Key.class)
public class Item extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "item_id")
    public String itemId;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String department;

    @Column(nullable = false)
    public String title;

    /** SHA-256 of the normalised request, to tell an idempotent retry from a conflicting reuse of the id. */
    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Why the item has its status, for the department: the reviewer's note of a RETURN (退回), a withholding's reason. */
    @Column(name = "status_note")
    public String statusNote;

    public static Optional<Item> findItem(String schoolCode, String itemId) {
        return findByIdOptional(new Key(schoolCode, itemId));
    }

    /**
     * Sets the status of the item if it is still at {@code revision}, in one statement: no other column is
     * written, so a decision can never write an older revision's values back over a concurrent revision.
     */
    public static int updateStatus(String schoolCode, String itemId, int revision, String status) {
        return updateStatus(schoolCode, itemId, revision, status, null);
    }

    /** As {@link #updateStatus(String, String, int, String)}, with the note the department sees (null: none). */
    public static int updateStatus(String schoolCode, String itemId, int revision, String status, String note) {
        return update("status = ?1, statusNote = ?2, updatedAt = ?3 where schoolCode = ?4 and itemId = ?5 and revision = ?6",
                status, note, Instant.now(), schoolCode, itemId, revision);
    }

    /** Which of {@code itemIds} of one school exist already, in one query. */
    public static java.util.Set<String> existingIds(String schoolCode, java.util.Collection<String> itemIds) {
        if (itemIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(getEntityManager()
                .createQuery("select i.itemId from Item i where i.schoolCode = :school and i.itemId in :ids", String.class)
                .setParameter("school", schoolCode).setParameter("ids", itemIds).getResultList());
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String itemId;

        public Key() {
        }

        public Key(String schoolCode, String itemId) {
            this.schoolCode = schoolCode;
            this.itemId = itemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(itemId, k.itemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, itemId);
        }
    }
}
