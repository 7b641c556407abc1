package io.xxgk.bench;

import io.xxgk.contract.school.School;
import io.xxgk.contract.school.SchoolDirectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schools the benchmark writes to, one per phase, so that the catalogue counts of the phases never mix; and their keys. */
final class BenchSchools {

    static final String WARMUP = "xykj";
    static final String SINGLE = "hnxx";
    static final String BATCH = "zjjhk";
    static final String BULK = "zzsz";
    static final String LATENCY = "jclg";
    static final List<String> ALL = List.of(WARMUP, SINGLE, BATCH, BULK, LATENCY);

    private final SchoolDirectory directory = SchoolDirectory.load();
    private final Map<String, String> keys = new LinkedHashMap<>();

    /** A department key for each school, issued through the admin endpoint. */
    void issueKeys(Api api) {
        for (String s : ALL) {
            keys.put(s, api.issueKey(s, Items.DEPARTMENT));
        }
    }

    String key(String code) {
        return keys.get(code);
    }

    /** The items of one load: ids {@code idPrefix-0}, {@code idPrefix-1}, ... of this school. */
    Items items(String code, String idPrefix) {
        return new Items(school(code), idPrefix);
    }

    private School school(String code) {
        return directory.find(code).orElseThrow(() -> new IllegalStateException("no school " + code + " in the directory"));
    }
}
