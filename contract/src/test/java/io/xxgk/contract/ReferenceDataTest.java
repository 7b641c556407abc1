package io.xxgk.contract;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.MalformedEventException;
import io.xxgk.contract.school.SchoolDirectory;
import io.xxgk.contract.school.SchoolKind;
import io.xxgk.contract.school.StatisticsPeriod;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReferenceDataTest {

    @Test
    void nationalChecklistHasTenCategoriesAndFiftyItemsInOrder() {
        Checklist checklist = Checklist.national();
        assertEquals(10, checklist.categories().size());
        assertEquals(50, checklist.itemCount());
        assertEquals("招生考试信息", checklist.categoryOf(9).orElseThrow().name());
        assertEquals(3, checklist.categoryOf(18).orElseThrow().number());
        assertTrue(checklist.item(18).orElseThrow().text().contains("招投标"));
    }

    @Test
    void graduateItemsDoNotApplyToVocationalColleges() {
        Checklist checklist = Checklist.national();
        for (int n : new int[]{11, 12, 13, 14, 44, 45, 46}) {
            assertFalse(checklist.item(n).orElseThrow().appliesTo(SchoolKind.VOCATIONAL), "item " + n);
            assertTrue(checklist.item(n).orElseThrow().appliesTo(SchoolKind.RESEARCH_UNIVERSITY), "item " + n);
        }
        assertTrue(checklist.item(18).orElseThrow().appliesTo(SchoolKind.VOCATIONAL));
    }

    @Test
    void aSchoolVariantRefinesItemsWithoutChangingTheFifty() {
        Checklist variant = Checklist.load(SchoolDirectory.load().find("zzsz").orElseThrow().checklistVariant());
        assertEquals("zzsz-2024", variant.id());
        assertEquals(50, variant.itemCount());
        var item18 = variant.item(18).orElseThrow();
        assertEquals("采购与招标管理处", item18.responsibleDepartment());
        assertEquals(3, item18.subItems().size());
        assertEquals(Checklist.national().item(18).orElseThrow().text(), item18.text());
        assertTrue(Checklist.national().item(18).orElseThrow().subItems().isEmpty());
    }

    @Test
    void schoolDirectoryHoldsTheFiveSeedSchools() {
        SchoolDirectory dir = SchoolDirectory.load();
        assertEquals(5, dir.all().size());
        assertEquals("株洲师范高等专科学校", dir.find("zzsz").orElseThrow().name());
        assertEquals(StatisticsPeriod.CALENDAR_YEAR, dir.find("xykj").orElseThrow().statisticsPeriod());
        assertTrue(dir.find("nope").isEmpty());
    }

    @Test
    void schoolYearRunsFromSeptemberToAugust() {
        assertEquals(LocalDate.of(2021, 9, 1), StatisticsPeriod.SCHOOL_YEAR.start(2022));
        assertEquals(LocalDate.of(2022, 8, 31), StatisticsPeriod.SCHOOL_YEAR.end(2022));
        assertEquals(2022, StatisticsPeriod.SCHOOL_YEAR.yearOf(LocalDate.of(2021, 9, 1)));
        assertEquals(2021, StatisticsPeriod.SCHOOL_YEAR.yearOf(LocalDate.of(2021, 8, 31)));
        assertEquals(2021, StatisticsPeriod.CALENDAR_YEAR.yearOf(LocalDate.of(2021, 9, 1)));
    }

    @Test
    void eventsRoundTripWithChineseText() {
        ItemSubmitted event = ItemSubmitted.builder().itemId("zzsz-1").revision(1).action(ItemAction.SUBMIT).schoolCode("zzsz")
                .department("采购与招标管理处").title("2025年水电耗材采购招标公告").body("正文").kind(ItemKind.PROCUREMENT_NOTICE)
                .producedDate(LocalDate.of(2025, 3, 1)).checklistHint(18)
                .submittedAt(Instant.parse("2025-03-02T01:00:00Z")).build();
        String json = EventCodec.encode(event);
        assertTrue(json.contains("\"producedDate\":\"2025-03-01\""), json);
        assertEquals(event, EventCodec.decode(json, ItemSubmitted.class));
        assertEquals(List.of(), EventCodec.decode(json, ItemSubmitted.class).channels());
    }

    @Test
    void garbageIsAMalformedEvent() {
        assertThrows(MalformedEventException.class, () -> EventCodec.decode("{not json", ItemSubmitted.class));
        assertThrows(MalformedEventException.class, () -> EventCodec.decode("", ItemSubmitted.class));
    }
}
