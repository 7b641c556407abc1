package io.xxgk.publish.service.links;

import java.time.Instant;

/** 栏目链接 of one checklist item of one school, and who set it when. */
public record ColumnLinkView(String schoolCode, int item, String url, String updatedBy, String updatedRole, Instant updatedAt) {
}
