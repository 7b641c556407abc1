package io.xxgk.publish.repository.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One school's annual report of one year as a workflow (V6): what was filled in, the frozen figures, who did what. */
@Entity
@Table(name = "annual_report")
@IdClass(AnnualReportEntity.Key.class)
public class AnnualReportEntity extends PanacheEntityBase {

    @Id
    @Column(name = "school_code")
    public String schoolCode;

    @Id
    @Column(name = "report_year")
    public int year;

    /** DRAFT, FROZEN, APPROVED or SUBMITTED. */
    public String state;

    /** JSON: {"prose": {key: text}, "figures": {key: number}}. */
    @Column(columnDefinition = "text")
    public String content;

    /** JSON of the statistics when frozen; null while DRAFT. */
    @Column(name = "frozen_statistics", columnDefinition = "text")
    public String frozenStatistics;

    /** JSON of the titles per category quoted by the narrative when frozen (V11); null while DRAFT. */
    @Column(name = "frozen_titles", columnDefinition = "text")
    public String frozenTitles;

    @Column(name = "frozen_at")
    public Instant frozenAt;

    @Column(name = "frozen_by")
    public String frozenBy;

    @Column(name = "frozen_role")
    public String frozenRole;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    /** The HTML rendered on approval (V11): every download of the approved report returns these bytes. */
    @Column(name = "approved_html")
    public byte[] approvedHtml;

    /** The Word document rendered on approval (V11). */
    @Column(name = "approved_docx")
    public byte[] approvedDocx;

    @Column(name = "submitted_on")
    public LocalDate submittedOn;

    @Column(name = "submission_method")
    public String submissionMethod;

    @Column(name = "submission_reference")
    public String submissionReference;

    @Column(name = "submission_note")
    public String submissionNote;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_role")
    public String submittedRole;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<AnnualReportEntity> find(String schoolCode, int year) {
        return Optional.ofNullable(findById(new Key(schoolCode, year)));
    }

    /**
     * The report, created as an empty DRAFT if there is none, locked for this transaction: two changes of the same
     * report (two reviewers saving, a freeze and an approval) run one after the other, each seeing the other's result.
     */
    public static AnnualReportEntity lockOrCreate(String schoolCode, int year) {
        getEntityManager().createNativeQuery("insert into annual_report (school_code, report_year) values (?1, ?2) "
                        + "on conflict do nothing")
                .setParameter(1, schoolCode).setParameter(2, year).executeUpdate();
        return findById(new Key(schoolCode, year), LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<AnnualReportEntity> ofSchool(String schoolCode) {
        return list("schoolCode = ?1 order by year desc", schoolCode);
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String schoolCode;
        public int year;

        public Key() {
        }

        public Key(String schoolCode, int year) {
            this.schoolCode = schoolCode;
            this.year = year;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.year == year && Objects.equals(k.schoolCode, schoolCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schoolCode, year);
        }
    }
}
