package io.xxgk.publish.service.statistics;

import io.xxgk.contract.Topics;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.DisclosureRequestEvent;
import io.xxgk.contract.event.DisclosureRequestEvent.AnswerType;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.contract.event.DisclosureRequestEvent.Outcome;
import io.xxgk.contract.event.DisclosureRequestEvent.RecordType;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.publish.PublishFixture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The 2021-2022 school year of 株洲师范高等专科学校 (zzsz) as its seed report counts it: 548 items on the website,
 * 40 official documents, 60 teaching, 24 research, 37 admissions, 4 employment, 15 recruitment, 21 procurement and
 * tender, 347 other; plus what must not be counted (withheld, held, withdrawn, outside the period) and a
 * disclosure-on-request register. Everything goes through the real pipeline entry point of publish-service: events
 * on the classified and requests topics of the real broker. Ids are fixed, so loading twice is harmless (the
 * consumers are idempotent) and every test class that needs the data may call {@link #load()}.
 */
public final class Zzsz2022Fixture {

    public static final String SCHOOL = "zzsz";
    public static final int YEAR = 2022;
    public static final LocalDate FROM = LocalDate.of(2021, 9, 1);

    /** Checklist items with a published entry in the period. */
    public static final List<Integer> ITEMS_PUBLISHED = List.of(2, 5, 7, 9, 18, 19, 21, 25, 28, 32, 41);

    private static boolean loaded;

    private Zzsz2022Fixture() {
    }

    private record Group(ItemKind kind, int count, String department, Integer checklistItem, Integer category) {
    }

    /** 548 = 40 + 60 + 24 + 37 + 4 + 15 + 21 + 347, in the seed report's order. */
    static final List<Group> GROUPS = List.of(
            new Group(ItemKind.OFFICIAL_DOCUMENT, 30, "党政办公室", null, null),
            new Group(ItemKind.RULE, 6, "党政办公室", 2, 1),
            new Group(ItemKind.PLAN_REPORT, 4, "党政办公室", 5, 1),
            new Group(ItemKind.TEACHING, 60, "教务处", 28, 5),
            new Group(ItemKind.RESEARCH, 24, "科研处", 41, 7),
            new Group(ItemKind.ENROLLMENT_PLAN, 20, "招生就业处", 7, 2),
            new Group(ItemKind.ADMISSION_RESULT, 17, "招生就业处", 9, 2),
            new Group(ItemKind.EMPLOYMENT, 4, "招生就业处", 32, 5),
            new Group(ItemKind.RECRUITMENT, 15, "人事处", 25, 4),
            new Group(ItemKind.PROCUREMENT_NOTICE, 12, "国有资产管理处", 18, 3),
            new Group(ItemKind.TENDER_RESULT, 9, "国有资产管理处", 18, 3),
            new Group(ItemKind.BUDGET, 10, "计划财务处", 19, 3),
            new Group(ItemKind.FEE_SCHEDULE, 7, "计划财务处", 21, 3),
            new Group(ItemKind.NEWS, 330, "党委宣传部", null, null));

    /** Items of the NEWS group published 45 days after being produced (more than 20 working days). */
    public static final int LATE = 8;
    /** Items of the NEWS group without publishedDate (taken as on time). */
    public static final int UNDATED = 5;

    public static synchronized void load() throws Exception {
        if (loaded) {
            return;
        }
        List<ItemClassified> items = new ArrayList<>();
        int seq = 0;
        for (Group g : GROUPS) {
            for (int i = 0; i < g.count(); i++, seq++) {
                LocalDate produced = FROM.plusDays(seq * 358L / 548);
                LocalDate published = produced.plusDays(2);
                int newsIndex = g.kind() == ItemKind.NEWS ? i : -1;
                if (newsIndex >= 0 && newsIndex < LATE) {
                    produced = LocalDate.of(2021, 10, 11).plusDays(newsIndex * 20L);
                    published = produced.plusDays(45);
                } else if (newsIndex >= LATE && newsIndex < LATE + UNDATED) {
                    published = null;
                } else if (newsIndex == LATE + UNDATED) {
                    // produced before the period, published in it: counted by its publication date
                    produced = LocalDate.of(2021, 8, 25);
                    published = LocalDate.of(2021, 9, 2);
                }
                List<Channel> channels = seq % 3 == 0 ? List.of(Channel.WEBSITE, Channel.WECHAT) : List.of(Channel.WEBSITE);
                String id = String.format("zzsz22-%s-%03d", g.kind().name().toLowerCase(), i);
                if (g.kind() == ItemKind.TEACHING && i == 0) {
                    // first classified as news, corrected to teaching: counted once, under its newest kind
                    items.add(item(id, 1, ItemKind.NEWS, g.department(), null, null, produced, published, channels, Decision.PUBLISH, null));
                }
                items.add(item(id, g.kind() == ItemKind.TEACHING && i == 0 ? 2 : 1, g.kind(), g.department(), g.checklistItem(),
                        g.category(), produced, published, channels, Decision.PUBLISH, null));
            }
        }
        // never counted as published
        items.add(item("zzsz22-withheld-1", 1, ItemKind.OTHER, "学生工作处", 37, 6, LocalDate.of(2021, 11, 3), LocalDate.of(2021, 11, 4),
                List.of(Channel.WEBSITE), Decision.WITHHOLD, "PERSONAL_PRIVACY"));
        items.add(item("zzsz22-withheld-2", 1, ItemKind.OTHER, "学生工作处", 37, 6, LocalDate.of(2022, 3, 3), LocalDate.of(2022, 3, 4),
                List.of(Channel.WEBSITE), Decision.WITHHOLD, "PERSONAL_PRIVACY"));
        items.add(item("zzsz22-withheld-3", 1, ItemKind.TENDER_RESULT, "国有资产管理处", 18, 3, LocalDate.of(2022, 5, 3), null,
                List.of(Channel.WEBSITE), Decision.WITHHOLD, "COMMERCIAL_SECRET"));
        items.add(item("zzsz22-held-1", 1, ItemKind.NEWS, "党委宣传部", null, null, LocalDate.of(2022, 1, 5), LocalDate.of(2022, 1, 6),
                List.of(Channel.WEBSITE), Decision.HOLD, null));
        items.add(item("zzsz22-held-2", 1, ItemKind.RULE, "党政办公室", 38, 6, LocalDate.of(2022, 2, 15), LocalDate.of(2022, 2, 16),
                List.of(Channel.WEBSITE), Decision.HOLD, null));
        items.add(item("zzsz22-withdrawn", 1, ItemKind.NEWS, "党委宣传部", 50, 10, LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 1),
                List.of(Channel.WEBSITE), Decision.PUBLISH, null));
        items.add(item("zzsz22-withdrawn", 2, ItemKind.NEWS, "党委宣传部", 50, 10, LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 1),
                List.of(Channel.WEBSITE), Decision.WITHDRAW, null));
        // outside the period: the next school year, and the previous one (item 36 published before: its link is old)
        items.add(item("zzsz22-next-year", 1, ItemKind.NEWS, "党委宣传部", null, null, LocalDate.of(2022, 8, 29), LocalDate.of(2022, 9, 1),
                List.of(Channel.WEBSITE), Decision.PUBLISH, null));
        items.add(item("zzsz22-before", 1, ItemKind.RULE, "学生工作处", 36, 6, LocalDate.of(2021, 8, 30), LocalDate.of(2021, 8, 31),
                List.of(Channel.WEBSITE), Decision.PUBLISH, null));
        // a replayed event changes nothing
        items.add(items.get(0));

        List<DisclosureRequestEvent> requests = new ArrayList<>(List.of(
                request("zzsz22-req-1", 1, RecordType.APPLICATION, "2021-10-11", ApplicantType.NATURAL_PERSON, null, null, null, null),
                request("zzsz22-req-1", 2, RecordType.APPLICATION, "2021-10-11", ApplicantType.NATURAL_PERSON, AnswerType.DISCLOSED, "2021-10-15", null, null),
                request("zzsz22-req-1", 1, RecordType.APPLICATION, "2021-10-11", ApplicantType.NATURAL_PERSON, null, null, null, null),
                request("zzsz22-req-2", 1, RecordType.APPLICATION, "2021-11-01", ApplicantType.BUSINESS, AnswerType.DISCLOSED, "2021-11-05", "12.50", null),
                request("zzsz22-req-3", 1, RecordType.APPLICATION, "2022-03-01", ApplicantType.NATURAL_PERSON, AnswerType.WITHHELD, "2022-03-10", null, null),
                request("zzsz22-req-4", 1, RecordType.APPLICATION, "2022-03-14", ApplicantType.NATURAL_PERSON, AnswerType.NOT_HELD, "2022-03-15", null, null),
                request("zzsz22-req-5", 1, RecordType.APPLICATION, "2022-04-06", ApplicantType.LEGAL_SERVICE_ORGANISATION, AnswerType.PARTIALLY_DISCLOSED, "2022-04-20", "3.00", null),
                request("zzsz22-req-6", 1, RecordType.APPLICATION, "2022-05-09", ApplicantType.NATURAL_PERSON, AnswerType.UNCLEAR_AMEND, "2022-05-10", null, null),
                request("zzsz22-req-7", 1, RecordType.APPLICATION, "2022-06-01", ApplicantType.BUSINESS, AnswerType.REPEATED, "2022-06-02", null, null),
                request("zzsz22-req-8", 1, RecordType.APPLICATION, "2022-06-06", ApplicantType.NATURAL_PERSON, AnswerType.OTHER, "2022-07-15", null, null),
                request("zzsz22-req-9", 1, RecordType.APPLICATION, "2022-08-22", ApplicantType.NATURAL_PERSON, null, null, null, null),
                request("zzsz22-req-next", 1, RecordType.APPLICATION, "2022-09-05", ApplicantType.NATURAL_PERSON, AnswerType.DISCLOSED, "2022-09-06", "99.00", null),
                request("zzsz22-complaint-1", 1, RecordType.COMPLAINT, "2021-12-01", ApplicantType.NATURAL_PERSON, null, null, null, Outcome.UPHELD),
                request("zzsz22-complaint-2", 1, RecordType.COMPLAINT, "2022-05-20", ApplicantType.NATURAL_PERSON, null, null, null, null),
                request("zzsz22-review-1", 1, RecordType.ADMINISTRATIVE_REVIEW, "2022-02-15", ApplicantType.NATURAL_PERSON, null, null, null, Outcome.CORRECTED)));
        requests.add(requests.get(1)); // duplicate delivery of revision 2

        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ItemClassified e : items) {
                sent.add(producer.send(new ProducerRecord<>(Topics.ITEMS_CLASSIFIED, e.schoolCode(), EventCodec.encode(e))));
            }
            for (DisclosureRequestEvent r : requests) {
                sent.add(producer.send(new ProducerRecord<>(Topics.REQUESTS, r.schoolCode(), EventCodec.encode(r))));
            }
            producer.flush();
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        loaded = true;
    }

    /** Until the consumers have applied the whole fixture (items and register come on separate topics). */
    public static void awaitApplied() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/api/v1/schools/zzsz/statistics?year=2022").then().statusCode(200)
                        .body("published", equalTo(548))
                        .body("withheld", equalTo(3))
                        .body("byKind.find { it.key == '教学类' }.count", equalTo(60))
                        .body("requests.received", equalTo(9))
                        .body("requests.answered", equalTo(8))
                        .body("administrativeReviews.total", equalTo(1)));
    }

    public static KafkaProducer<String, String> producer() {
        return PublishFixture.producer();
    }

    public static ItemClassified item(String id, int revision, ItemKind kind, String department, Integer checklistItem,
                                      Integer category, LocalDate produced, LocalDate published, List<Channel> channels,
                                      Decision decision, String withholdReason) {
        return ItemClassified.builder().itemId(id).revision(revision).schoolCode(SCHOOL).department(department)
                .title(titleOf(kind, id)).body("正文").kind(kind).producedDate(produced).publishedDate(published)
                .channels(channels).checklistItem(checklistItem).category(category).confidence(0.9)
                .explanation("fixture").decision(decision).withholdReason(withholdReason).classifiedAt(Instant.now())
                .build();
    }

    private static String titleOf(ItemKind kind, String id) {
        return kind.label() + "信息 " + id;
    }

    static DisclosureRequestEvent request(String id, int revision, RecordType type, String received, ApplicantType applicant,
                                          AnswerType answer, String answered, String fee, Outcome outcome) {
        return new DisclosureRequestEvent(1, id, revision, SCHOOL, type, LocalDate.parse(received), applicant, "申请公开的信息",
                answer, answered == null ? null : LocalDate.parse(answered), fee == null ? null : new BigDecimal(fee), outcome,
                Instant.now());
    }
}
