package io.xxgk.publish.service.statistics;

import io.quarkus.runtime.Startup;
import io.xxgk.contract.event.ItemKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The headings a school's annual report counts items under (公文类, 教学类, ...), from {@link StatisticsConfig}:
 * the default mapping, or the school's own when it configures one. Every kind lands under exactly one heading;
 * kinds no heading names go to the other-heading. Checked at startup: a kind under two headings is an error.
 */
@ApplicationScoped
@Startup
public class KindHeadings {

    /** One heading and its kinds, in report order. */
    public record Heading(String name, List<ItemKind> kinds) {
    }

    private final StatisticsConfig config;
    private final Map<String, List<Heading>> bySchool = new ConcurrentHashMap<>();
    private final List<Heading> defaults;

    public KindHeadings(StatisticsConfig config) {
        this.config = config;
        this.defaults = resolve("default", config.kindHeadings(), config.headingOrder(), config.otherHeading());
        config.schools().forEach((code, s) -> bySchool.put(code, resolveSchool(code, s)));
    }

    public List<Heading> forSchool(String schoolCode) {
        return bySchool.getOrDefault(schoolCode, defaults);
    }

    /** The channel the school's headings are counted over (its setting kind-headings-channel), or null for every item. */
    public io.xxgk.contract.event.Channel channelOf(String schoolCode) {
        StatisticsConfig.SchoolStatistics s = config.schools().get(schoolCode);
        return s == null ? null : s.kindHeadingsChannel().orElse(null);
    }

    /** The heading of a stored kind name; unknown names go to the other-heading (the last heading). */
    public static String headingOf(List<Heading> headings, String kind) {
        for (Heading h : headings) {
            for (ItemKind k : h.kinds()) {
                if (k.name().equals(kind)) {
                    return h.name();
                }
            }
        }
        return headings.get(headings.size() - 1).name();
    }

    private List<Heading> resolveSchool(String code, StatisticsConfig.SchoolStatistics s) {
        Map<String, List<ItemKind>> mapping = s.kindHeadings().isEmpty() ? config.kindHeadings() : s.kindHeadings();
        return resolve("school " + code, mapping, s.headingOrder().or(config::headingOrder),
                s.otherHeading().orElse(config.otherHeading()));
    }

    static List<Heading> resolve(String scope, Map<String, List<ItemKind>> mapping, Optional<List<String>> order,
                                 String otherHeading) {
        Map<ItemKind, String> headingOfKind = new EnumMap<>(ItemKind.class);
        Map<String, List<ItemKind>> kinds = new LinkedHashMap<>();
        mapping.forEach((heading, list) -> {
            for (ItemKind k : list) {
                String before = headingOfKind.put(k, heading);
                if (before != null && !before.equals(heading)) {
                    throw new IllegalStateException("xxgk.statistics (" + scope + "): kind " + k + " is under both '"
                            + before + "' and '" + heading + "'");
                }
                kinds.computeIfAbsent(heading, h -> new ArrayList<>());
                if (!kinds.get(heading).contains(k)) {
                    kinds.get(heading).add(k);
                }
            }
        });
        List<ItemKind> rest = new ArrayList<>();
        for (ItemKind k : ItemKind.values()) {
            if (!headingOfKind.containsKey(k)) {
                rest.add(k);
            }
        }
        kinds.computeIfAbsent(otherHeading, h -> new ArrayList<>()).addAll(rest);

        List<String> names = new ArrayList<>();
        for (String n : order.orElse(List.of())) {
            if (kinds.containsKey(n) && !n.equals(otherHeading) && !names.contains(n)) {
                names.add(n);
            }
        }
        kinds.keySet().stream()
                .filter(n -> !names.contains(n) && !n.equals(otherHeading))
                .sorted(Comparator.comparingInt((String n) -> kinds.get(n).stream().mapToInt(Enum::ordinal).min().orElse(99))
                        .thenComparing(Comparator.naturalOrder()))
                .forEach(names::add);
        names.add(otherHeading);

        List<Heading> headings = new ArrayList<>();
        for (String n : names) {
            List<ItemKind> list = new ArrayList<>(kinds.get(n));
            list.sort(Comparator.naturalOrder());
            headings.add(new Heading(n, List.copyOf(list)));
        }
        return List.copyOf(headings);
    }
}
