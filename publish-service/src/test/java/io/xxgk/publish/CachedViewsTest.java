package io.xxgk.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.publish.repository.SchoolDataVersions;
import io.xxgk.publish.service.CatalogueService;
import io.xxgk.publish.service.CatalogueView;
import io.xxgk.publish.service.CatalogueWriter;
import io.xxgk.publish.service.statistics.DisclosureRequestWriter;
import io.xxgk.publish.service.statistics.StatisticsCounting;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static io.xxgk.publish.PublishFixture.reviewer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue and statistics are kept per school data version (V14): every kind of write is seen by the very next
 * read (no waiting: the writes are applied here, in their own transactions, as the consumers and the console do), a
 * write committed by another replica too, and nothing a write that rolled back showed is ever kept. The year 2031 is
 * this test's own, so that other tests' entries do not move its figures.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class CachedViewsTest {

    static final String SCHOOL = "zjjhk";
    static final int YEAR = 2031;
    static final String CATALOGUE = "/api/v1/schools/" + SCHOOL + "/catalogue";
    static final String STATISTICS = "/api/v1/schools/" + SCHOOL + "/statistics?year=" + YEAR;
    static final String CONSOLE = "/api/v1/console/schools/" + SCHOOL;
    /** What a writer's transaction does to the school's data version. */
    static final String BUMP = "insert into school_data_version as t values ('" + SCHOOL + "', 1)"
            + " on conflict (school_code) do update set version = t.version + 1";

    @Inject
    CatalogueWriter writer;

    @Inject
    DisclosureRequestWriter requests;

    @Inject
    CatalogueService catalogues;

    @Inject
    SchoolDataVersions versions;

    @Inject
    StatisticsCounting counting;

    @Inject
    DataSource dataSource;

    @Inject
    SchoolDirectory schools;

    static ItemClassified entry(String id, int revision, String title, Decision decision) {
        return CatalogueTest.event(SCHOOL, id, revision, title, 18, 3, decision).toBuilder()
                .producedDate(LocalDate.of(YEAR, 3, 3)).publishedDate(LocalDate.of(YEAR, 3, 5)).build();
    }

    void apply(ItemClassified e) {
        QuarkusTransaction.requiringNew().run(() -> {
            writer.apply(e, EventCodec.encode(e));
            writer.flush();
        });
    }

    /** The titles of checklist item 18's entries, in the JSON catalogue of all years and of {@link #YEAR}, and on the 目录 page. */
    static void item18Shows(String id, String title) {
        for (String path : List.of(CATALOGUE + "?entriesPerItem=200", CATALOGUE + "?entriesPerItem=200&year=" + YEAR)) {
            JsonPath json = given().get(path).then().statusCode(200).extract().jsonPath();
            List<String> titles = json.getList("categories[2].items.find { it.number == 18 }.entries.findAll { it.id == '"
                    + id + "' }.title");
            assertEquals(title == null ? List.of() : List.of(title), titles, path);
        }
    }

    static boolean pageShows(String text) {
        return given().get("/schools/" + SCHOOL + "/catalogue?year=" + YEAR).then().statusCode(200).extract().asString()
                .contains(text);
    }

    static long item18Count() {
        return given().get(CATALOGUE + "?year=" + YEAR).then().statusCode(200).extract().jsonPath()
                .getLong("categories[2].items.find { it.number == 18 }.entryCount");
    }

    static JsonPath statistics() {
        return given().get(STATISTICS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyWriteOfAnEntryIsSeenByTheNextReadAndAHiddenOneDisappearsAtOnce() {
        String id = "cache-" + PublishFixture.runId();
        String first = "后勤物业服务项目招标公告 " + id;
        String revised = "后勤物业服务项目招标公告（更正） " + id;
        // warm: the views of the current version are kept
        item18Shows(id, null);
        long count = item18Count();
        long published = statistics().getLong("published");

        apply(entry(id, 1, first, Decision.PUBLISH));
        item18Shows(id, first);
        assertTrue(pageShows(first), "目录 page");
        assertEquals(count + 1, item18Count());
        assertEquals(published + 1, statistics().getLong("published"));
        assertEquals(id, statistics().getString("byChecklistItem.find { it.number == 18 }.latest.id"));

        apply(entry(id, 2, revised, Decision.PUBLISH));
        item18Shows(id, revised);
        assertTrue(pageShows(revised), "目录 page");

        apply(entry(id, 3, revised, Decision.HOLD));
        item18Shows(id, null);
        assertFalse(pageShows(revised), "a held item is off the 目录 page at once");
        assertEquals(count, item18Count());
        assertEquals(published, statistics().getLong("published"));

        // a person's decision on the held revision
        apply(entry(id, 3, revised, Decision.PUBLISH));
        item18Shows(id, revised);

        long withheld = statistics().getLong("withheld");
        apply(entry(id, 4, revised, Decision.WITHHOLD).toBuilder().withholdReason("STATE_SECRET").build());
        item18Shows(id, null);
        assertEquals(withheld + 1, statistics().getLong("withheld"));

        apply(entry(id, 5, revised, Decision.PUBLISH));
        item18Shows(id, revised);
        apply(entry(id, 6, revised, Decision.WITHDRAW));
        item18Shows(id, null);
        assertFalse(pageShows(revised), "a withdrawn item is off the 目录 page at once");
        assertEquals(count, item18Count());
    }

    @Test
    void aSignOffThatCompletesIsSeenByTheNextRead() {
        String id = "cache-so-" + PublishFixture.runId();
        String title = "实训室设备采购项目招标公告 " + id;
        SignOff waiting = SignOff.start(SignOffMode.TWO_LEVEL).with(SignOffCatalogueTest.step(SignOffStage.OFFICE,
                SignOffAction.APPROVE, "李审核", 18, null, null));
        // a PUBLISH with only the office's step is not public
        apply(entry(id, 1, title, Decision.PUBLISH).toBuilder().signOff(waiting).build());
        item18Shows(id, null);
        apply(entry(id, 1, title, Decision.PUBLISH).toBuilder().signOff(waiting.with(SignOffCatalogueTest.step(
                SignOffStage.LEADER, SignOffAction.APPROVE, "王领导", 18, null, null))).build());
        item18Shows(id, title);
        apply(entry(id, 2, title, Decision.WITHDRAW));
        item18Shows(id, null);
    }

    @Test
    void aRegisterEntryIsSeenByTheNextRead() {
        long received = statistics().getLong("requests.received");
        String record = "cache-req-" + PublishFixture.runId();
        DisclosureRequestEvent application = new DisclosureRequestEvent(1, record, 1, SCHOOL, RecordType.APPLICATION,
                LocalDate.of(YEAR, 3, 10), ApplicantType.NATURAL_PERSON, "申请公开学校收费标准", null, null,
                BigDecimal.ZERO, null, Instant.now());
        QuarkusTransaction.requiringNew().run(() -> {
            requests.apply(application, EventCodec.encode(application));
            requests.flush();
        });
        assertEquals(received + 1, statistics().getLong("requests.received"));
    }

    @Test
    void aNotApplicableMarkIsSeenByTheNextRead() {
        String reason = "学校无校办企业 " + PublishFixture.runId();
        // warm
        assertNull(statistics().getString("byChecklistItem.find { it.number == 47 }.notApplicableReason"));
        given().get(CATALOGUE + "?year=" + YEAR).then().statusCode(200);
        reviewer().contentType(ContentType.JSON).body(Map.of("reason", reason)).put(CONSOLE + "/not-applicable/47")
                .then().statusCode(200);
        try {
            assertEquals(reason, statistics().getString("byChecklistItem.find { it.number == 47 }.notApplicableReason"));
            assertEquals(reason, given().get(CATALOGUE + "?year=" + YEAR).then().extract().jsonPath()
                    .getString("categories.items.flatten().find { it.number == 47 }.notApplicableReason"));
        } finally {
            reviewer().delete(CONSOLE + "/not-applicable/47").then().statusCode(204);
        }
        assertNull(statistics().getString("byChecklistItem.find { it.number == 47 }.notApplicableReason"));
        assertNull(given().get(CATALOGUE + "?year=" + YEAR).then().extract().jsonPath()
                .getString("categories.items.flatten().find { it.number == 47 }.notApplicableReason"));
    }

    @Test
    void aColumnLinkIsSeenByTheNextRead() {
        String column = "https://www.zjjhk.edu.cn/xxgk/" + PublishFixture.runId();
        // warm
        assertNull(statistics().getString("byChecklistItem.find { it.number == 46 }.columnLink"));
        given().get(CATALOGUE).then().statusCode(200);
        reviewer().contentType(ContentType.JSON).body(Map.of("url", column)).put(CONSOLE + "/column-links/46")
                .then().statusCode(200);
        try {
            assertEquals(column, statistics().getString("byChecklistItem.find { it.number == 46 }.columnLink"));
            assertEquals(column, given().get(CATALOGUE).then().extract().jsonPath()
                    .getString("categories.items.flatten().find { it.number == 46 }.columnLink"));
        } finally {
            reviewer().delete(CONSOLE + "/column-links/46").then().statusCode(204);
        }
        assertNull(statistics().getString("byChecklistItem.find { it.number == 46 }.columnLink"));
        assertNull(given().get(CATALOGUE).then().extract().jsonPath()
                .getString("categories.items.flatten().find { it.number == 46 }.columnLink"));
    }

    @Test
    void yearEndFiguresAreSeenByTheNextRead() {
        statistics();
        reviewer().contentType(ContentType.JSON).body("{\"videoPosts\": 41}")
                .put(CONSOLE + "/year-end-figures/" + YEAR).then().statusCode(200);
        assertEquals(41, statistics().getInt("yearEndFigures.figures.find { it.key == 'videoPosts' }.count"));
        reviewer().contentType(ContentType.JSON).body("{}").put(CONSOLE + "/year-end-figures/" + YEAR).then().statusCode(200);
        assertEquals(List.of(), statistics().getList("yearEndFigures.figures"));
    }

    /**
     * Replica B (this service, its views warm) and replica A (another process on the same database, here a plain
     * connection): A's commit of a change with its version increment is B's next answer; the kept view is what B
     * answers until then, so no write may leave the version out.
     */
    @Test
    void anotherReplicasCommitIsSeenByTheNextRead() throws Exception {
        String column = "https://www.zjjhk.edu.cn/replica-a/" + PublishFixture.runId();
        String link = "categories.items.flatten().find { it.number == 45 }.columnLink";
        assertNull(given().get(CATALOGUE).then().extract().jsonPath().getString(link));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("insert into column_link (school_code, checklist_item, url, updated_by, updated_role, updated_at)"
                    + " values ('" + SCHOOL + "', 45, '" + column + "', 'replica-a', 'REVIEWER', now())");
            st.execute(BUMP);
            c.commit();
            assertEquals(column, given().get(CATALOGUE).then().extract().jsonPath().getString(link));
            assertEquals(column, statistics().getString("byChecklistItem.find { it.number == 45 }.columnLink"));

            // the view is kept: a change without its version is not seen (which is why every writer increments it)
            st.execute("delete from column_link where school_code = '" + SCHOOL + "' and checklist_item = 45");
            c.commit();
            assertEquals(column, given().get(CATALOGUE).then().extract().jsonPath().getString(link));
            st.execute(BUMP);
            c.commit();
            assertNull(given().get(CATALOGUE).then().extract().jsonPath().getString(link));
            assertNull(statistics().getString("byChecklistItem.find { it.number == 45 }.columnLink"));
        }
    }

    /** A read inside a writer's transaction never sees (nor keeps for others) what that transaction may roll back. */
    @Test
    void aWriteThatRollsBackIsNeverKept() {
        String id = "cache-rb-" + PublishFixture.runId();
        String title = "设备采购项目招标公告 " + id;
        School school = schools.find(SCHOOL).orElseThrow();
        long before = versions.current(SCHOOL);
        AtomicReference<CatalogueView> inside = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            ItemClassified e = entry(id, 1, title, Decision.PUBLISH);
            writer.apply(e, EventCodec.encode(e));
            writer.flush();
            inside.set(catalogues.catalogue(school, YEAR, 200));
            throw new IllegalStateException("roll back");
        }));
        assertFalse(ids(inside.get()).contains(id), "the catalogue is built from committed data only");
        assertEquals(before, versions.current(SCHOOL));
        item18Shows(id, null);
        // the next committed write takes the next version: no view holding the rolled-back entry may answer it
        apply(entry("cache-rb-next-" + PublishFixture.runId(), 1, "另一条公告", Decision.PUBLISH));
        assertEquals(before + 1, versions.current(SCHOOL));
        item18Shows(id, null);
    }

    @Test
    void aRecountOfTheStatisticsIsANewVersionOfEverySchool() {
        long zjjhk = versions.current(SCHOOL);
        long hnxx = versions.current("hnxx");
        apply(entry("cache-rc-" + PublishFixture.runId(), 1, "招标公告", Decision.PUBLISH));
        apply(CatalogueTest.event("hnxx", "cache-rc-" + PublishFixture.runId(), 1, "招标公告", 18, 3, Decision.PUBLISH));
        long zjjhkWritten = versions.current(SCHOOL);
        long hnxxWritten = versions.current("hnxx");
        assertTrue(zjjhkWritten > zjjhk && hnxxWritten > hnxx, "a write increments its school's version");
        counting.rebuild();
        assertTrue(versions.current(SCHOOL) > zjjhkWritten, "recount");
        assertTrue(versions.current("hnxx") > hnxxWritten, "recount");
    }

    private static List<String> ids(CatalogueView v) {
        return v.categories().stream().flatMap(c -> c.items().stream()).flatMap(i -> i.entries().stream())
                .map(CatalogueView.Entry::id).toList();
    }
}
