package io.xxgk.publish.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.publish.repository.CatalogueEntry;
import io.xxgk.publish.repository.CatalogueHistory;
import io.xxgk.publish.repository.DisclosureRequest;
import io.xxgk.publish.repository.DisclosureRequestRevision;
import io.xxgk.publish.service.statistics.DisclosureRequestWriter;
import io.xxgk.testing.RealServersResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finding 4 (publish side): values a valid event may carry never fail the batch's transaction on a column size, and
 * what can never be stored is refused up front with {@link UnstorableEventException}, leaving the transaction usable
 * for the rest of the batch. Against the real database; dates in 1995, outside every year the other tests count.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "publish"))
class UnstorableEventTest {

    static final String SCHOOL = "jclg";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final LocalDate PRODUCED = LocalDate.of(1995, 3, 1);

    @Inject
    CatalogueWriter catalogue;

    @Inject
    DisclosureRequestWriter requests;

    static ItemClassified item(String id, String department, String title, String body, String sourceUrl) {
        return ItemClassified.builder().itemId(id).revision(1).schoolCode(SCHOOL).department(department).title(title)
                .body(body).kind(ItemKind.NEWS).producedDate(PRODUCED).publishedDate(PRODUCED)
                .channels(List.of(Channel.WEBSITE, Channel.WEBSITE, Channel.WECHAT)).sourceUrl(sourceUrl)
                .confidence(0.9).explanation("test").decision(Decision.PUBLISH).personalDataMasked(true)
                .classifiedAt(Instant.now()).build();
    }

    static void applyInOneTransaction(CatalogueWriter writer, ItemClassified... events) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (ItemClassified e : events) {
                writer.apply(e, EventCodec.encode(e));
            }
        });
    }

    @Test
    void aFiveThousandCharacterSourceUrlIsStoredAndServedWhole() {
        String id = "u-" + RUN + "-url";
        String url = "https://www.jclg.edu.cn/info/" + "a".repeat(5_000 - 29);
        assertEquals(5_000, url.length());
        applyInOneTransaction(catalogue, item(id, "宣传部", "长链接的新闻", "正文", url));

        given().get("/api/v1/schools/" + SCHOOL + "/items/" + id).then().statusCode(200)
                .body("sourceUrl", equalTo(url))
                .body("link", equalTo(url))
                .body("channels.code", equalTo(List.of("WEBSITE", "WECHAT")));
    }

    @Test
    void aTitleLengthenedByMaskingIsStoredWhole() {
        // ingest accepts 499 characters; classify's masking of each e-mail address (a@b.cn -> a***@b.cn style) lengthens it
        String title = ("关于张三（" + "zs" + "***@example.edu.cn）的通知").repeat(20);
        title = title + "尾".repeat(Math.max(0, 560 - title.length()));
        assertTrue(title.length() > 500, "longer than the old varchar(500)");
        String id = "u-" + RUN + "-title";
        applyInOneTransaction(catalogue, item(id, "人事处", title, "正文", null));

        given().get("/api/v1/schools/" + SCHOOL + "/items/" + id).then().statusCode(200).body("title", equalTo(title));
    }

    @Test
    void nulCharactersAreStrippedFromStoredText() {
        String id = "u-" + RUN + "-nul";
        ItemClassified e = item(id, "教务\u0000处", "标题\u0000含空字符", "正文\u0000第二段", "https://x.cn/\u0000a");
        applyInOneTransaction(catalogue, e);

        given().get("/api/v1/schools/" + SCHOOL + "/items/" + id).then().statusCode(200)
                .body("title", equalTo("标题含空字符"))
                .body("body", equalTo("正文第二段"))
                .body("department", equalTo("教务处"))
                .body("sourceUrl", equalTo("https://x.cn/a"));
        CatalogueHistory h = QuarkusTransaction.requiringNew().call(() ->
                CatalogueHistory.findById(new CatalogueHistory.Key(SCHOOL, id, 1)));
        assertNotNull(h, "the revision is in the history");
    }

    @Test
    void aTenThousandCharacterDepartmentIsRefusedAloneAndTheRestOfTheBatchIsStored() {
        String bad = "u-" + RUN + "-dept";
        String good = "u-" + RUN + "-after-dept";
        ItemClassified tooLong = item(bad, "部".repeat(10_000), "部门名过长", "正文", null);
        ItemClassified fine = item(good, "校长办公室", "同一批中的正常信息", "正文", null);

        List<UnstorableEventException> refused = new java.util.ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (ItemClassified e : List.of(tooLong, fine)) {
                try {
                    catalogue.apply(e, EventCodec.encode(e));
                } catch (UnstorableEventException x) {
                    refused.add(x);
                }
            }
        });

        assertEquals(1, refused.size());
        assertEquals("department", refused.get(0).field());
        assertTrue(refused.get(0).reason().contains("10000"), refused.get(0).reason());
        given().get("/api/v1/schools/" + SCHOOL + "/items/" + good).then().statusCode(200).body("title", equalTo("同一批中的正常信息"));
        given().get("/api/v1/schools/" + SCHOOL + "/items/" + bad).then().statusCode(404);
        assertNull(QuarkusTransaction.requiringNew().call(() -> CatalogueHistory.findById(new CatalogueHistory.Key(SCHOOL, bad, 1))),
                "nothing of the refused event was written");
    }

    @Test
    void aThreeHundredCharacterDepartmentFitsTheIndexesAndTheFilter() {
        String id = "u-" + RUN + "-dept300";
        String department = RUN + "系".repeat(300 - RUN.length());
        applyInOneTransaction(catalogue, item(id, department, "长部门名", "正文", null));

        given().queryParam("department", department).get("/api/v1/schools/" + SCHOOL + "/items").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void keysDatesAndMissingValuesThatCanNeverBeStoredAreRefusedWithTheField() {
        ItemClassified base = item("u-" + RUN + "-k", "宣传部", "标题", "正文", null);
        assertEquals("itemId", refused(withId(base, "x".repeat(129))).field());
        assertEquals("itemId", refused(withId(base, "a\u0000b")).field());
        assertEquals("schoolCode", refused(base.toBuilder().schoolCode("s".repeat(33)).build()).field());
        assertEquals("producedDate", refused(base.toBuilder().producedDate(LocalDate.of(99_999, 1, 1)).build())
                .field());
    }

    @Test
    void registerEntriesOfEverySizeAreStoredOrRefusedAlone() {
        String good = "r-" + RUN + "-nul";
        DisclosureRequestEvent withNul = request(good, "申请公开\u0000经费", new BigDecimal("12.50"));
        DisclosureRequestEvent hugeFee = request("r-" + RUN + "-fee", "收费", new BigDecimal("100000000000"));
        DisclosureRequestEvent longId = request("r".repeat(500), "编号过长", null);

        List<String> refusedFields = new java.util.ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (DisclosureRequestEvent e : List.of(hugeFee, longId, withNul)) {
                try {
                    requests.apply(e, EventCodec.encode(e));
                } catch (UnstorableEventException x) {
                    refusedFields.add(x.field());
                }
            }
        });

        assertEquals(List.of("feeYuan", "recordId"), refusedFields);
        DisclosureRequest stored = QuarkusTransaction.requiringNew().call(() -> DisclosureRequest.findRecord(SCHOOL, good));
        assertNotNull(stored);
        assertEquals("申请公开经费", stored.subject);
        assertEquals(0, new BigDecimal("12.50").compareTo(stored.feeYuan));
        assertFalse(QuarkusTransaction.requiringNew().call(() ->
                DisclosureRequestRevision.exists(SCHOOL, "r-" + RUN + "-fee", 1)), "nothing of the refused event was written");
    }

    private UnstorableEventException refused(ItemClassified e) {
        return assertThrows(UnstorableEventException.class, () -> applyInOneTransaction(catalogue, e));
    }

    private static ItemClassified withId(ItemClassified e, String id) {
        return e.toBuilder().itemId(id).build();
    }

    private static DisclosureRequestEvent request(String id, String subject, BigDecimal fee) {
        return new DisclosureRequestEvent(1, id, 1, SCHOOL, RecordType.APPLICATION, PRODUCED, null, subject, null, null,
                fee, null, Instant.now());
    }
}
