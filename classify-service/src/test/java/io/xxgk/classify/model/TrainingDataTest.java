package io.xxgk.classify.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xxgk.contract.checklist.Checklist;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingDataTest {

    /** Surefire runs with the module directory as working directory. */
    static final Path TRAINING_DIR = Path.of("src/main/resources/training");
    static final Path DEMO_DIR = Path.of("../local-stack/launcher/src/main/resources/demo");

    @Test
    void fileListMatchesTheDirectory() throws IOException {
        try (Stream<Path> files = Files.list(TRAINING_DIR)) {
            Set<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(onDisk, new TreeSet<>(TrainingData.FILES), "TrainingData.FILES must list every training/*.tsv");
        }
        assertTrue(Files.exists(TRAINING_DIR.resolve("SOURCES.md")));
    }

    @Test
    void labelsAreValidAndConsistent() {
        List<TrainingData.Row> rows = TrainingData.files();
        Map<String, String> byTitle = new HashMap<>();
        Map<String, Integer> perLabel = new HashMap<>();
        for (TrainingData.Row r : rows) {
            String key = TitleFeatures.normalize(r.title());
            String before = byTitle.put(key, r.label());
            assertTrue(before == null || before.equals(r.label()), "conflicting labels for " + r.title());
            perLabel.merge(r.label(), 1, Integer::sum);
        }
        for (int item = 1; item <= 50; item++) {
            int n = perLabel.getOrDefault(Integer.toString(item), 0);
            assertTrue(n >= 7, "item " + item + " has only " + n + " training titles");
        }
        assertTrue(perLabel.get(TrainingData.NONE) >= 400, "a few hundred none titles, got " + perLabel.get(TrainingData.NONE));
        assertEquals(50 * 3, Checklist.national().itemCount() * 3);
    }

    @Test
    void parserRejectsBadLabelsAndSkipsHeader() throws IOException {
        List<TrainingData.Row> rows = TrainingData.parse(new BufferedReader(new StringReader("title\tchecklist_item\n招标公告\t18\n新闻\t-\n")), "t");
        assertEquals(2, rows.size());
        assertThrows(IllegalArgumentException.class,
                () -> TrainingData.parse(new BufferedReader(new StringReader("招标公告\t0\n")), "t"));
        assertThrows(IllegalArgumentException.class,
                () -> TrainingData.parse(new BufferedReader(new StringReader("没有标签\n")), "t"));
    }

    @Test
    void trainingDataHoldsNoDemoTitles() throws IOException {
        if (!Files.isDirectory(DEMO_DIR)) {
            return; // the demo data lives in another module; nothing to compare against
        }
        Set<String> training = new HashSet<>();
        TrainingData.files().forEach(r -> training.add(TitleFeatures.normalize(r.title())));
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        try (Stream<Path> files = Files.list(DEMO_DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode title = json.readTree(line).get("title");
                    if (title != null) {
                        checked++;
                        assertTrue(!training.contains(TitleFeatures.normalize(title.asText())),
                                "demo title copied into training data: " + title.asText());
                    }
                }
            }
        }
        assertTrue(checked > 0);
    }
}
