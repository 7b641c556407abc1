package io.xxgk.publish.service.statistics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * item_date (V5) is coalesce(published_date, produced_date) on every row, also rows written by plain SQL and rows
 * updated later, and the statistics' and the catalogue's queries on it are served by the indexes rebuilt on it.
 * In a transaction that is rolled back.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class ItemDateIndexTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void itemDateIsTheCoalescedDateAndTheQueriesOnItUseTheIndexes() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("""
                    insert into catalogue_entry (school_code, item_id, revision, status, confidence, department, title, body,
                                                 kind, checklist_item, produced_date, published_date, channels, updated_at)
                    select 'explain-v5', 'x-' || i, 1, 'PUBLISHED', 0.9, '办公室', '标题' || i, '正文', 'NEWS', 1 + i % 50,
                           date '2020-01-01' + i % 1500, case when i % 3 = 0 then null else date '2020-01-03' + i % 1500 end,
                           'WEBSITE', now()
                    from generate_series(1, 3000) i""");
            st.execute("update catalogue_entry set published_date = date '2024-06-01' where school_code = 'explain-v5' and item_id = 'x-3'");
            assertEquals(0, count(st, "select count(*) from catalogue_entry where item_date is distinct from coalesce(published_date, produced_date)"));
            assertEquals(1, count(st, "select count(*) from catalogue_entry where school_code = 'explain-v5' and item_id = 'x-3' and item_date = date '2024-06-01'"));
            st.execute("analyze catalogue_entry");
            // the plan shape is what is checked here, not the planner's cost choice on a small table
            st.execute("set local enable_seqscan = off");

            String breakdown = explain(st, """
                    select kind, category, checklist_item, department, to_char(item_date, 'YYYY-MM') from catalogue_entry
                    where school_code = 'explain-v5' and status = 'PUBLISHED' and item_date between date '2021-09-01' and date '2022-08-31'""");
            String latest = explain(st, """
                    select n.item, e.item_id from unnest(cast('{1,2,3}' as integer[])) as n(item)
                    cross join lateral (select item_id from catalogue_entry
                                        where school_code = 'explain-v5' and status = 'PUBLISHED' and checklist_item = n.item
                                          and item_date <= date '2022-08-31'
                                        order by item_date desc, item_id limit 1) e""");
            String byKind = explain(st, """
                    select item_id from catalogue_entry where school_code = 'explain-v5' and status = 'PUBLISHED' and kind = 'NEWS'
                    order by item_date desc, item_id limit 21""");
            c.rollback();

            // catalogue_stats_by_date or catalogue_public_by_date, whichever is cheaper: an index bounded by item_date
            assertThat(breakdown, not(containsString("Seq Scan")));
            assertThat(breakdown, containsString("(item_date >= '2021-09-01'::date) AND (item_date <= '2022-08-31'::date)"));
            assertThat(latest, containsString("catalogue_latest_by_item"));
            assertThat(latest, not(containsString("Sort")));
            // every row is NEWS here, so by_date (kind as a filter) and by_kind serve the order equally well; an index-only
            // scan when the visibility map allows it (it did on one run in CI, not on others)
            assertThat(byKind, containsString("Scan using catalogue_public_by_"));
            assertThat(byKind, not(containsString("Seq Scan")));
            assertThat(byKind, not(containsString("Sort")));
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String explain(Statement st, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = st.executeQuery("explain " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
