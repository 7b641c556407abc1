package io.xxgk.publish.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The newest revision of one entry of a school's disclosure-on-request register (依申请公开), or of a complaint,
 * administrative review or lawsuit. Only ever counted, never shown.
 */
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

    /** {@link io.xxgk.contract.event.DisclosureRequestEvent.RecordType} name. */
    @Column(name = "record_type")
    public String recordType;

    @Column(name = "received_date")
    public LocalDate receivedDate;

    @Column(name = "applicant_type")
    public String applicantType;

    @Column(columnDefinition = "text")
    public String subject;

    @Column(name = "answer_type")
    public String answerType;

    @Column(name = "answered_date")
    public LocalDate answeredDate;

    @Column(name = "fee_yuan")
    public BigDecimal feeYuan;

    public String outcome;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static DisclosureRequest findRecord(String schoolCode, String recordId) {
        return findById(new Key(schoolCode, recordId));
    }

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
