package io.xxgk.publish.repository.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** One recorded change of an annual report: who (the person the console acted for), in which role, when, what. */
@Entity
@Table(name = "annual_report_event")
public class AnnualReportEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_code")
    public String schoolCode;

    @Column(name = "report_year")
    public int year;

    /** FILLED, FROZEN, UNFROZEN, APPROVED, SUBMITTED. */
    public String action;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public Instant at;

    @Column(columnDefinition = "text")
    public String detail;

    public static List<AnnualReportEvent> ofReport(String schoolCode, int year) {
        return list("schoolCode = ?1 and year = ?2 order by id", schoolCode, year);
    }
}
