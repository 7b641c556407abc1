package io.xxgk.console.service;

import io.xxgk.console.client.SignOffClient.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The review page marks classify's findings by their UTF-16 offsets, in the original and in the masked copy. */
class ReviewSegmentsTest {

    private static final String ORIGINAL = "张三，电话 13812345678，身份证 410102200001011234。";
    private static final String MASKED = "张三，电话 138****5678，身份证 410102********1234。";

    private static final List<Finding> FINDINGS = List.of(
            new Finding("body", "ID_CARD", "身份证号", 22, 40, 22, 40),
            new Finding("body", "PHONE", "手机号", 6, 17, 6, 17),
            new Finding("title", "PHONE", "手机号", 0, 2, 0, 2));

    @Test
    void marksEachFindingOfItsFieldInOrder() {
        List<ReviewService.Segment> s = ReviewService.segments(ORIGINAL, FINDINGS, "body", false);
        assertEquals(List.of(
                new ReviewService.Segment("张三，电话 ", null),
                new ReviewService.Segment("13812345678", "手机号"),
                new ReviewService.Segment("，身份证 ", null),
                new ReviewService.Segment("410102200001011234", "身份证号"),
                new ReviewService.Segment("。", null)), s);
        assertEquals(ORIGINAL, String.join("", s.stream().map(ReviewService.Segment::text).toList()));
    }

    @Test
    void marksTheMaskedCopyByItsOwnOffsets() {
        List<ReviewService.Segment> s = ReviewService.segments(MASKED, FINDINGS, "body", true);
        assertEquals("138****5678", s.get(1).text());
        assertEquals("410102********1234", s.get(3).text());
    }

    @Test
    void aFindingOutOfRangeOrOverlappingIsNotCutWrongly() {
        List<Finding> bad = List.of(new Finding("body", "PHONE", "手机号", 6, 17, 6, 17),
                new Finding("body", "PHONE", "手机号", 10, 20, 10, 20),
                new Finding("body", "PHONE", "手机号", 40, 99, 40, 99));
        List<ReviewService.Segment> s = ReviewService.segments(ORIGINAL, bad, "body", false);
        assertEquals(ORIGINAL, String.join("", s.stream().map(ReviewService.Segment::text).toList()));
        assertEquals(1, s.stream().filter(ReviewService.Segment::isMarked).count());
    }

    @Test
    void emptyTextHasNoSegments() {
        assertEquals(List.of(), ReviewService.segments(null, FINDINGS, "body", false));
    }
}
