package io.xxgk.publish.service.statistics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.procurement.ProjectNumbers;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * V12 fills project_number for the entries stored before it with a reading in SQL: on real PostgreSQL, it reads
 * what {@link ProjectNumbers} reads (ASCII forms), and nothing for other kinds or notices without a number. Rows of
 * school zjjhk in 2010, status WITHDRAWN, so no statistic counts them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ProjectNumberBackfillTest {

    @Inject
    DataSource dataSource;

    @Test
    void theMigrationsSqlReadsWhatTheJavaReads() throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>(); // id -> kind, title, body
        rows.put("backfill-1", new String[] {"PROCUREMENT_NOTICE", "实训室设备采购项目招标公告", "一、项目基本情况\n项目编号：HNJG-2010-018\n项目名称：实训室设备采购"});
        rows.put("backfill-2", new String[] {"TENDER_RESULT", "物业服务采购成交结果公告（招标编号为 zzsz-2010/fw.03）", "正文"});
        rows.put("backfill-3", new String[] {"TENDER_RESULT", "图书采购中标结果公告", "政府采购编号: HNZC-2010-0457；中标供应商：某公司"});
        rows.put("backfill-4", new String[] {"PROCUREMENT_NOTICE", "水电耗材采购招标公告", "项目编号：详见附件"});
        rows.put("backfill-5", new String[] {"NEWS", "实训室建设推进会", "项目编号：HNJG-2010-018"});
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into catalogue_entry (school_code, item_id, revision, status, confidence, department, title, body, kind,
                                                 produced_date, published_date, channels, updated_at)
                    values ('zjjhk', ?, 1, 'WITHDRAWN', 0.9, '国有资产管理处', ?, ?, ?, date '2010-03-01', date '2010-03-02', 'WEBSITE', now())
                    on conflict (school_code, item_id) do update set project_number = null
                    """)) {
                for (Map.Entry<String, String[]> r : rows.entrySet()) {
                    ps.setString(1, r.getKey());
                    ps.setString(2, r.getValue()[1]);
                    ps.setString(3, r.getValue()[2]);
                    ps.setString(4, r.getValue()[0]);
                    ps.executeUpdate();
                }
            }
            String migration;
            try (var in = getClass().getResourceAsStream("/db/migration/V12__procurement_project_number.sql")) {
                assertNotNull(in);
                migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String update = migration.substring(migration.indexOf("update catalogue_entry"), migration.indexOf(";", migration.indexOf("update catalogue_entry")));
            try (Statement s = c.createStatement()) {
                s.executeUpdate(update + " and school_code = 'zjjhk' and item_id like 'backfill-%'");
            }
            try (PreparedStatement ps = c.prepareStatement("select project_number from catalogue_entry where school_code = 'zjjhk' and item_id = ?")) {
                for (Map.Entry<String, String[]> r : rows.entrySet()) {
                    ps.setString(1, r.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        String java = r.getValue()[0].equals("NEWS") ? null
                                : ProjectNumbers.extract(r.getValue()[1], r.getValue()[2]).orElse(null);
                        assertEquals(java, rs.getString(1), r.getKey());
                    }
                }
            }
        }
        // and the expected values themselves
        assertEquals("ZZSZ-2010/FW.03", ProjectNumbers.extract(rows.get("backfill-2")[1], rows.get("backfill-2")[2]).orElseThrow());
    }
}
