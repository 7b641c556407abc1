package io.xxgk.publish.service.browse;

import java.time.LocalDate;

/**
 * One published entry in a list. {@code link}: the item's page on the school website when the department gave one,
 * else {@code detailUrl} (as in the catalogue); {@code detailUrl}: this API's detail of the item.
 */
public record ItemSummary(String id, String title, String department, String kind, String kindLabel,
                          LocalDate producedDate, LocalDate publishedDate, Integer checklistItem, Integer category,
                          String link, String detailUrl) {
}
