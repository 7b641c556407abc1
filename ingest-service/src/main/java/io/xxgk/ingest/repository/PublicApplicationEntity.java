package io.xxgk.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An application made on a school's public site: the applicant's contact data and request, which only the office
 * reads. Its register entry is the {@link DisclosureRequest} with {@code recordId = trackingNumber}.
 */
@Entity
@Table(name = "public_application")
@IdClass(PublicApplicationEntity.Key.class)
public class PublicApplicationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "tracking_number")
    public String trackingNumber;

    @Column(name = "submission_key")
    public String submissionKey;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    @Column(name = "applicant_type")
    public String applicantType;

    @Column(columnDefinition = "text")
    public String name;

    @Column(name = "id_number", columnDefinition = "text")
    public String idNumber;

    @Column(columnDefinition = "text")
    public String phone;

    @Column(columnDefinition = "text")
    public String email;

    @Column(columnDefinition = "text")
    public String address;

    @Column(columnDefinition = "text")
    public String description;

    public String medium;

    public String delivery;

    @Column(name = "received_date")
    public LocalDate receivedDate;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<PublicApplicationEntity> findBySubmissionKey(String key) {
        return find("submissionKey", key).firstResultOptional();
    }

    public static List<PublicApplicationEntity> newest(String schoolCode, int limit) {
        return find("schoolCode", Sort.descending("createdAt"), schoolCode).page(Page.ofSize(limit)).list();
    }

    public static class Key implements Serializable {
        public String schoolCode;
        public String trackingNumber;

        public Key() {
        }

        public Key(String schoolCode, String trackingNumber) {
            this.schoolCode = schoolCode;
            this.trackingNumber = trackingNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schoolCode, k.schoolCode) && Objects.equals(trackingNumber, k.trackingNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, trackingNumber);
        }
    }
}
