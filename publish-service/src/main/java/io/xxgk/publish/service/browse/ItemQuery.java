package io.xxgk.publish.service.browse;

import io.xxgk.contract.event.ItemKind;
import io.xxgk.publish.repository.StorageLimits;

import java.time.LocalDate;
import java.util.List;

/**
 * The validated filters of a list request (parsed and checked by {@code rest.ItemQueryParser}).
 *
 * @param terms keyword search terms (whitespace-separated {@code q}, AND-ed), as typed
 * @param after cursor of the previous page, null on the first page
 */
public record ItemQuery(Integer category, Integer checklistItem, String department, ItemKind kind, LocalDate from,
                        LocalDate to, List<String> terms, int limit, PageCursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_Q_CHARS = 100;
    public static final int MAX_TERMS = 10;
    public static final int MAX_DEPARTMENT_CHARS = StorageLimits.DEPARTMENT_CHARS;

    public boolean firstPage() {
        return after == null;
    }
}
