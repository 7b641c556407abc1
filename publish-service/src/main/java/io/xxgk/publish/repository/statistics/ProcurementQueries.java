package io.xxgk.publish.repository.statistics;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Procurement counted as notices and as projects (项目编号, V12): the published procurement notices and results
 * (中标/成交结果公告) of the period, the distinct projects they belong to, and which projects have both a notice and a
 * result published by the end of the period (the notice may be from an earlier period). Runs in the caller's
 * transaction, so inside the statistics' snapshot it sees what {@link StatisticsQueries} saw.
 */
@ApplicationScoped
public class ProcurementQueries {

    /**
     * notices/results: published in the period; unnumbered: of those, without a project number (not counted as
     * projects); projects: distinct project numbers among them; withNoticeAndResult, noticeOnly, resultOnly: those
     * projects by what is published of them up to the end of the period.
     */
    public record ProcurementCounts(long notices, long results, long unnumbered, long projects, long withNoticeAndResult,
                                    long noticeOnly, long resultOnly) {
    }

    private final DataSource dataSource;

    public ProcurementQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ProcurementCounts counts(String school, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     with period as (
                         select kind, project_number from catalogue_entry
                         where school_code = ? and status = 'PUBLISHED' and item_date between ? and ?
                           and kind in ('PROCUREMENT_NOTICE', 'TENDER_RESULT')),
                     projects as (
                         select p.project_number,
                                bool_or(e.kind = 'PROCUREMENT_NOTICE') as notice,
                                bool_or(e.kind = 'TENDER_RESULT') as result
                         from (select distinct project_number from period where project_number is not null) p
                         join catalogue_entry e on e.school_code = ? and e.status = 'PUBLISHED'
                              and e.project_number = p.project_number and e.item_date <= ?
                              and e.kind in ('PROCUREMENT_NOTICE', 'TENDER_RESULT')
                         group by p.project_number)
                     select (select count(*) from period where kind = 'PROCUREMENT_NOTICE') as notices,
                            (select count(*) from period where kind = 'TENDER_RESULT') as results,
                            (select count(*) from period where project_number is null) as unnumbered,
                            (select count(*) from projects) as projects,
                            (select count(*) from projects where notice and result) as both_published,
                            (select count(*) from projects where notice and not result) as notice_only,
                            (select count(*) from projects where result and not notice) as result_only
                     """)) {
            ps.setString(1, school);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            ps.setString(4, school);
            ps.setDate(5, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ProcurementCounts(rs.getLong("notices"), rs.getLong("results"), rs.getLong("unnumbered"),
                        rs.getLong("projects"), rs.getLong("both_published"), rs.getLong("notice_only"), rs.getLong("result_only"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("procurement query failed: " + e.getMessage(), e);
        }
    }
}
