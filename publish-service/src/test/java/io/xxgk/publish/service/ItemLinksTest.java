package io.xxgk.publish.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ItemLinksTest {

    @Test
    void theIdIsOneEncodedPathSegment() {
        assertEquals("/api/v1/schools/jclg/items/2024%2F%E6%8B%9B%E6%A0%87%20%E5%85%AC%E5%91%8A%3F%231%2B1%25",
                ItemLinks.detailUrl("jclg", "2024/招标 公告?#1+1%"));
        assertEquals("/api/v1/schools/jclg/items/zb-2024-001", ItemLinks.detailUrl("jclg", "zb-2024-001"));
    }

    @Test
    void theSchoolWebsitePageWinsWhenGivenElseTheItemsPublicWebPageNeverTheJsonApi() {
        assertEquals("https://www.jclg.edu.cn/xxgk/1.htm", ItemLinks.link("jclg", "a b", "https://www.jclg.edu.cn/xxgk/1.htm"));
        assertEquals("/schools/jclg/items/a%20b", ItemLinks.link("jclg", "a b", null));
        assertEquals("/schools/jclg/items/a%20b", ItemLinks.link("jclg", "a b", " "));
        assertEquals("/schools/jclg/items/2024%2F%E6%8B%9B%E6%A0%87", ItemLinks.pageUrl("jclg", "2024/招标"));
    }
}
