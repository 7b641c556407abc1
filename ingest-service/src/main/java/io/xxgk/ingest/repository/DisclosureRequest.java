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

/** The latest revision of one register entry (application, complaint, review or lawsuit). */
@Entity
@Table(name = "disclosure_request")
@IdClass(DisclosureRequest.Key.class)
public class DisclosureRequest extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "record_id")
    public String recordId;

    public int revision;

    public String type;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    @Column(columnDefinition = "text")
    public String event;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String schoolCode;
        public String recordId;

        public Key() {
        }

        public Key(String schoolCode, String recordId) {
            this.schoolCode = schoolCode;
            this.recordId = recordId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(recordId, k.recordId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, recordId);
        }
    }
}
