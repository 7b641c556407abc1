package io.xxgk.publish.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Every classified revision of an item that reached publish-service. */
@Entity
@Table(name = "catalogue_history")
@IdClass(CatalogueHistory.Key.class)
public class CatalogueHistory extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "item_id")
    public String itemId;

    @Id
    public int revision;

    public String decision;

    @Column(columnDefinition = "text")
    public String event;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static java.util.List<CatalogueHistory> ofItem(String schoolCode, String itemId) {
        return list("schoolCode = ?1 and itemId = ?2 order by revision", schoolCode, itemId);
    }

    public static boolean exists(String schoolCode, String itemId, int revision) {
        return findByIdOptional(new Key(schoolCode, itemId, revision)).isPresent();
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
