package io.xxgk.publish.service.statistics;

import io.xxgk.contract.event.ItemKind;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How configured headings resolve: order, the other-heading catching every unnamed kind, conflicts refused. */
class KindHeadingsTest {

    @Test
    void orderFollowsHeadingOrderThenFirstKindAndTheOtherHeadingIsLastWithEveryUnnamedKind() {
        Map<String, List<ItemKind>> mapping = new LinkedHashMap<>();
        mapping.put("招投标类", List.of(ItemKind.TENDER_RESULT, ItemKind.PROCUREMENT_NOTICE));
        mapping.put("教学类", List.of(ItemKind.TEACHING));
        mapping.put("公文类", List.of(ItemKind.OFFICIAL_DOCUMENT));
        List<KindHeadings.Heading> headings = KindHeadings.resolve("test", mapping, Optional.of(List.of("教学类", "不存在")), "其他");

        assertEquals(List.of("教学类", "公文类", "招投标类", "其他"), headings.stream().map(KindHeadings.Heading::name).toList());
        assertEquals(List.of(ItemKind.PROCUREMENT_NOTICE, ItemKind.TENDER_RESULT), headings.get(2).kinds());
        List<ItemKind> other = headings.get(3).kinds();
        assertEquals(ItemKind.values().length - 4, other.size());
        assertTrue(other.contains(ItemKind.NEWS) && other.contains(ItemKind.RULE));
        assertEquals("招投标类", KindHeadings.headingOf(headings, "TENDER_RESULT"));
        assertEquals("其他", KindHeadings.headingOf(headings, "SOMETHING_NEW"));
    }

    @Test
    void aKindUnderTwoHeadingsIsAConfigurationError() {
        Map<String, List<ItemKind>> mapping = Map.of("公文类", List.of(ItemKind.RULE), "制度类", List.of(ItemKind.RULE));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KindHeadings.resolve("school x", mapping, Optional.empty(), "其他"));
        assertTrue(e.getMessage().contains("RULE"), e.getMessage());
    }
}
