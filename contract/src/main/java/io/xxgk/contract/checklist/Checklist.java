package io.xxgk.contract.checklist;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.xxgk.contract.event.EventCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 《高等学校信息公开事项清单》 as versioned data. Variants (provincial or school lists) live next to the national
 * one as {@code xxgk/checklist-<id>.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Checklist(String id, String title, String source, List<ChecklistCategory> categories) {

    public static final String NATIONAL_2014 = "national-2014";

    public Checklist {
        categories = List.copyOf(categories);
    }

    public static Checklist load(String variantId) {
        String resource = "xxgk/checklist-" + variantId + ".json";
        try (InputStream in = Checklist.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown checklist variant " + variantId);
            }
            Checklist checklist = EventCodec.mapper().readValue(in, Checklist.class);
            checklist.validate();
            return checklist;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Checklist national() {
        return load(NATIONAL_2014);
    }

    public Optional<ChecklistItem> item(int number) {
        return categories.stream().flatMap(c -> c.items().stream()).filter(i -> i.number() == number).findFirst();
    }

    /** The category number (1-10) that holds item {@code number}. */
    public Optional<ChecklistCategory> categoryOf(int itemNumber) {
        return categories.stream().filter(c -> c.items().stream().anyMatch(i -> i.number() == itemNumber)).findFirst();
    }

    public int itemCount() {
        return categories.stream().mapToInt(c -> c.items().size()).sum();
    }

    private void validate() {
        Map<Integer, Integer> seen = new HashMap<>();
        for (ChecklistCategory c : categories) {
            for (ChecklistItem i : c.items()) {
                if (seen.put(i.number(), c.number()) != null) {
                    throw new IllegalStateException("checklist " + id + ": item " + i.number() + " listed twice");
                }
                if (i.recurrence() == null) {
                    throw new IllegalStateException("checklist " + id + ": item " + i.number()
                            + " does not say whether it is STANDING or RECURRING");
                }
            }
        }
    }
}
