package io.xxgk.publish.service.browse;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of a list. {@code next} is the cursor of the following page and {@code nextUrl} the same request with
 * it (both absent on the last page); {@code total} counts every match and is given on the first page only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemPage(String school, int limit, int count, Long total, List<ItemSummary> items, String next,
                       String nextUrl) {
}
