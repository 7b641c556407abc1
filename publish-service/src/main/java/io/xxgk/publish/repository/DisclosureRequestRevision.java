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

/** Every revision of a register entry that reached publish-service: makes the consumer idempotent. */
@Entity
@Table(name = "disclosure_request_history")
@IdClass(DisclosureRequestRevision.Key.class)
public class DisclosureRequestRevision extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "record_id")
    public String recordId;

    @Id
    public int revision;

    @Column(columnDefinition = "text")
    public String event;

    @Column(name = "received_at")
    public Instant receivedAt;

    public static boolean exists(String schoolCode, String recordId, int revision) {
        return findByIdOptional(new Key(schoolCode, recordId, revision)).isPresent();
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String recordId;
        public int revision;

        public Key() {
        }

        public Key(String schoolCode, String recordId, int revision) {
            this.schoolCode = schoolCode;
            this.recordId = recordId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(recordId, k.recordId)
                    && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, recordId, revision);
        }
    }
}
