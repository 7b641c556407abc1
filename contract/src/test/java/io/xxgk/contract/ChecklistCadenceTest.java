package io.xxgk.contract;

import io.xxgk.contract.checklist.Cadence;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistItem;
import io.xxgk.contract.checklist.Recurrence;
import io.xxgk.contract.school.SchoolKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Standing or recurring, cadence and applicability by kind of school, as the variants' data say. */
class ChecklistCadenceTest {

    @Test
    void everyItemOfEveryVariantSaysStandingOrRecurring() {
        for (String variant : List.of("national-2014", "zzsz-2024")) {
            Checklist c = Checklist.load(variant);
            for (int n = 1; n <= 50; n++) {
                ChecklistItem i = c.item(n).orElseThrow();
                assertNotNull(i.recurrence(), variant + " item " + n);
                assertNotNull(i.cadence(), variant + " item " + n);
            }
        }
    }

    @Test
    void rulesStandAndReportsRecur() {
        Checklist c = Checklist.national();
        for (int n : new int[]{2, 15, 24, 36, 38, 39, 41}) {
            assertEquals(Recurrence.STANDING, c.item(n).orElseThrow().recurrence(), "item " + n);
        }
        for (int n : new int[]{6, 18, 19, 20, 33, 35}) {
            assertEquals(Recurrence.RECURRING, c.item(n).orElseThrow().recurrence(), "item " + n);
        }
        Cadence budget = c.item(19).orElseThrow().cadence();
        assertEquals(Cadence.Kind.AFTER_EVENT, budget.kind());
        assertEquals(20, budget.workingDaysAfterAnchor());
        assertEquals(Cadence.Kind.ANNUAL_BY, c.item(33).orElseThrow().cadence().kind());
    }

    @Test
    void theAnchorFallsInsideThePeriodWhicheverYearThatIs() {
        Cadence byYearEnd = Checklist.national().item(33).orElseThrow().cadence();
        // school year 2024-2025: the year end inside it is 2024-12-31
        assertEquals(Optional.of(LocalDate.of(2024, 12, 31)),
                byYearEnd.anchorIn(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31)));
        assertEquals(Optional.of(LocalDate.of(2025, 12, 31)),
                byYearEnd.anchorIn(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        Cadence budget = Checklist.national().item(19).orElseThrow().cadence();
        assertEquals(Optional.of(LocalDate.of(2025, 3, 31)),
                budget.anchorIn(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 8, 31)));
        assertTrue(Checklist.national().item(2).orElseThrow().cadence()
                .anchorIn(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).isEmpty());
    }

    @Test
    void badCadenceDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Cadence(Cadence.Kind.ANNUAL_BY, null, null, null, null, "x"));
        assertThrows(RuntimeException.class, () -> new Cadence(Cadence.Kind.ANNUAL_BY, "13-40", null, null, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Cadence(Cadence.Kind.AFTER_EVENT, null, "批复", null, 20, "x"));
    }

    @Test
    void undergraduateTeachingAndDegreeItemsDoNotApplyToVocationalColleges() {
        for (String variant : List.of("national-2014", "zzsz-2024")) {
            Checklist c = Checklist.load(variant);
            for (int n : new int[]{30, 43}) {
                ChecklistItem i = c.item(n).orElseThrow();
                assertFalse(i.appliesTo(SchoolKind.VOCATIONAL), variant + " item " + n);
                assertTrue(i.appliesTo(SchoolKind.UNDERGRADUATE), variant + " item " + n);
                assertTrue(i.appliesTo(SchoolKind.RESEARCH_UNIVERSITY), variant + " item " + n);
            }
        }
    }

    @Test
    void aVocationalCollegeReadsItem35AsItsTalentTrainingReport() {
        ChecklistItem i = Checklist.national().item(35).orElseThrow();
        assertEquals("人才培养质量年度报告", i.textFor(SchoolKind.VOCATIONAL));
        assertEquals("本科教学质量报告", i.textFor(SchoolKind.UNDERGRADUATE));
    }
}
