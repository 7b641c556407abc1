package io.xxgk.publish.repository;

/**
 * The sizes the publish tables can hold (V1, V4). Titles, bodies and links are unbounded text; the columns below are
 * bounded because they are keys or sit in btree indexes, whose rows PostgreSQL caps at about 2,700 bytes.
 */
public final class StorageLimits {

    public static final int SCHOOL_CODE_CHARS = 32;
    public static final int ID_CHARS = 128;
    /** In catalogue_public_by_department and catalogue_stats_by_date: 300 characters are at most 1,200 bytes. */
    public static final int DEPARTMENT_CHARS = 300;
    /** PostgreSQL's date type ends in 5874897 AD; the service keeps to four-digit years. */
    public static final int MAX_YEAR = 9999;
    /** numeric(12, 2) of disclosure_request.fee_yuan. */
    public static final long FEE_YUAN_LIMIT = 10_000_000_000L;

    private StorageLimits() {
    }
}
