package io.xxgk.classify.model;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.checklist.ChecklistItem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The labelled titles the model learns from: {@code training/*.tsv} on the classpath (title TAB item, "-" for none of
 * the 50; see training/SOURCES.md) plus the checklist's own item texts and their phrases.
 */
public final class TrainingData {

    /** The label of "none of the 50". */
    public static final String NONE = "-";

    /**
     * The training part of the real titles (published by schools, see training/GUIDELINE.md); built with its held-out
     * part ({@code src/test/resources/real-heldout.tsv}) by {@code realdata/build.py}, split by school.
     */
    public static final String REAL_TRAIN = "real-train.tsv";

    /** Every training file under {@code training/}; a unit test checks that this list matches the directory. */
    public static final List<String> FILES = List.of(
            "cat01-basic.tsv", "cat02-admissions.tsv", "cat03-finance.tsv", "cat04-personnel.tsv", "cat05-teaching.tsv",
            "cat06-07-students-integrity.tsv", "cat08-degrees.tsv", "cat09-international.tsv", "cat10-other.tsv",
            "none-news-1.tsv", "none-news-2.tsv", "none-news-3.tsv", "supplement-1.tsv", "supplement-2.tsv", "supplement-3.tsv", "supplement-4.tsv",
            REAL_TRAIN);


    /**
     * One labelled title; {@code label} is "1".."50" or {@link #NONE}. {@code source} is where the row comes from (a file,
     * or for a real title the page that published it); {@code school} is the publishing school of a real title, else null.
     */
    public record Row(String title, String label, String source, String school) {

        public Row(String title, String label, String source) {
            this(title, label, source, null);
        }

        /**
         * The kind of department whose site published a real title, from its page's host name ({@link Departments}); null
         * for written titles and where the host says nothing (a school's main site, a portal, a GitHub source).
         */
        public String department() {
            return real() ? Departments.ofSourceUrl(source) : null;
        }

        /** Whether this is a real title (a school published it), not one written for training. */
        public boolean real() {
            return school != null;
        }
    }

    private static final Pattern PHRASE_SPLIT = Pattern.compile("[、，,；;]");

    private TrainingData() {
    }

    /** All rows of the training files, in file order. */
    public static List<Row> files() {
        List<Row> rows = new ArrayList<>();
        for (String f : FILES) {
            rows.addAll(readTsv("training/" + f));
        }
        return rows;
    }

    /** The checklist's item texts as rows: the whole text and each of its phrases of 4 or more characters. */
    public static List<Row> checklistTexts(Checklist checklist) {
        List<Row> rows = new ArrayList<>();
        checklist.categories().forEach(c -> {
            for (ChecklistItem item : c.items()) {
                String label = Integer.toString(item.number());
                rows.add(new Row(item.text(), label, "checklist"));
                String[] phrases = PHRASE_SPLIT.split(item.text());
                if (phrases.length > 1) {
                    for (String p : phrases) {
                        if (p.strip().length() >= 4) {
                            rows.add(new Row(p.strip(), label, "checklist"));
                        }
                    }
                }
                for (String sub : item.subItems()) {
                    rows.add(new Row(sub, label, "checklist"));
                }
            }
        });
        return rows;
    }

    /** Reads a classpath TSV (title TAB label); blank lines, '#' comments and a "title" header line are skipped. */
    public static List<Row> readTsv(String resource) {
        try (InputStream in = TrainingData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("training resource missing: " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses title TAB label lines, or title TAB label TAB school TAB source lines (the real titles); the label must be
     * 1..50 or "-".
     */
    public static List<Row> parse(BufferedReader reader, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (n == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length == 4) {
                if (cols[0].strip().equalsIgnoreCase("title")) {
                    continue;
                }
                String school = cols[2].strip();
                String page = cols[3].strip();
                if (school.isEmpty() || page.isEmpty()) {
                    throw new IllegalArgumentException(source + ":" + n + ": a real title needs its school and its source");
                }
                rows.add(new Row(cols[0].strip(), checkLabel(cols[1].strip(), source + ":" + n), page, school));
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab < 0) {
                throw new IllegalArgumentException(source + ":" + n + ": expected title<TAB>item");
            }
            String title = line.substring(0, tab).strip();
            String label = line.substring(tab + 1).strip();
            if (title.equalsIgnoreCase("title")) {
                continue;
            }
            rows.add(new Row(title, checkLabel(label, source + ":" + n), source));
        }
        return rows;
    }

    /** Returns the label if it is "-" or an item number 1..50, else throws. */
    public static String checkLabel(String label, String where) {
        if (NONE.equals(label)) {
            return label;
        }
        try {
            int item = Integer.parseInt(label);
            if (item >= 1 && item <= 50) {
                return Integer.toString(item);
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new IllegalArgumentException(where + ": label must be 1..50 or \"-\", was \"" + label + "\"");
    }
}
