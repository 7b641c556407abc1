package io.xxgk.ingest.service.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a disclosure office's register (CSV in UTF-8 or GB18030, as Excel saves it, or XLSX, first sheet): a
 * header row, then one row per item. Rows come out as header → text maps, streamed.
 */
public final class RegisterFileReader {

    public enum Format { CSV, XLSX }

    /** Most data rows of one register. */
    static final int MAX_ROWS = XlsxGuard.Limits.DEFAULT.maxRows();

    /** A register that cannot be read, with the reason in Chinese and English. */
    public static final class UnreadableRegister extends IOException {
        public UnreadableRegister(String message) {
            super(message);
        }
    }

    private RegisterFileReader() {
    }

    /** Streams every data row (1-based row numbers as the office sees them in Excel, header = row 1). */
    public static void read(Path file, Format format, RowHandler handler) throws IOException {
        if (format == Format.XLSX) {
            readXlsx(file, handler);
        } else {
            readCsv(file, handler);
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNumber, Map<String, String> values);
    }

    private static void readCsv(Path file, RowHandler handler) throws IOException {
        try (Reader reader = open(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            List<String> headers = parser.getHeaderNames().stream().map(RegisterFileReader::cleanHeader).toList();
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw new UnreadableRegister("登记表超过 " + MAX_ROWS + " 行，请拆分后导入 / the register has more than " + MAX_ROWS
                            + " rows; split it");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    values.put(headers.get(i), record.get(i));
                }
                handler.row((int) record.getRecordNumber() + 1, values);
            }
        }
    }

    private static void readXlsx(Path file, RowHandler handler) throws IOException {
        XlsxGuard.check(file, XlsxGuard.Limits.DEFAULT);
        // from the file (a ZIP read through its central directory), not a stream that would hold it in memory
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
            Sheet sheet = wb.getFirstSheet();
            List<String> headers = new ArrayList<>();
            try (Stream<Row> rows = sheet.openStream()) {
                rows.forEach(new Consumer<>() {
                    @Override
                    public void accept(Row row) {
                        if (headers.isEmpty()) {
                            row.forEach(c -> headers.add(cleanHeader(text(c))));
                            return;
                        }
                        Map<String, String> values = new LinkedHashMap<>();
                        boolean any = false;
                        for (int i = 0; i < headers.size(); i++) {
                            String v = i < row.getCellCount() ? text(row.getCell(i)) : "";
                            any |= !v.isBlank();
                            values.put(headers.get(i), v);
                        }
                        if (any) {
                            handler.row(row.getRowNum(), values);
                        }
                    }
                });
            }
        }
    }

    private static String text(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY) {
            return "";
        }
        if (c.getType() == CellType.NUMBER && c.getDataFormatId() != null && isDateFormat(c)) {
            LocalDateTime d = c.asDate();
            return d.toLocalDate().toString();
        }
        if (c.getType() == CellType.NUMBER) {
            var n = c.asNumber();
            return n.stripTrailingZeros().scale() <= 0 ? n.toBigInteger().toString() : n.toPlainString();
        }
        return c.getText() == null ? "" : c.getText().strip();
    }

    private static boolean isDateFormat(Cell c) {
        int id = c.getDataFormatId();
        String f = c.getDataFormatString();
        return (id >= 14 && id <= 22) || (f != null && (f.contains("yy") || f.contains("d") && f.contains("m") || f.contains("年")));
    }

    /** The file as text, streamed: UTF-8 (BOM skipped) if it is valid UTF-8 throughout, otherwise GB18030. */
    static Reader open(Path file) throws IOException {
        Charset charset = StandardCharsets.UTF_8;
        try (Reader probe = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buf = new char[8192];
            while (probe.read(buf) >= 0) {
                // only validating
            }
        } catch (CharacterCodingException e) {
            charset = Charset.forName("GB18030");
        }
        java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), charset));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static String cleanHeader(String h) {
        return h == null ? "" : h.replace("\uFEFF", "").replaceAll("[\\s*：:（(].*$", "").strip();
    }
}
