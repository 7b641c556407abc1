package io.xxgk.classify.screening;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OOXML reader: linear, bounded, fail-closed; numbers in spreadsheets are read. */
class OfficeTextTest {

    /** Hang guard only: the hostile inputs below took seconds to hours with the old regular expression. */
    static final Duration HANG_GUARD = Duration.ofSeconds(20);
    static final OfficeText.Limits LIMITS = OfficeText.Limits.defaults(2_000_000);

    @TempDir
    Path dir;

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docx(String documentXml) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("[Content_Types].xml", utf8("<Types/>"));
        m.put("word/document.xml", utf8(documentXml));
        return zip(m);
    }

    static String paragraph(String... runs) {
        StringBuilder sb = new StringBuilder("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>");
        for (String r : runs) {
            sb.append("<w:r><w:t xml:space=\"preserve\">").append(r).append("</w:t></w:r>");
        }
        return sb.append("</w:p></w:body></w:document>").toString();
    }

    OfficeText.Extracted read(byte[] bytes, OfficeText.Format format, OfficeText.Limits limits) throws IOException {
        Path f = Files.createTempFile(dir, "a", ".zip");
        Files.write(f, bytes);
        return assertTimeoutPreemptively(HANG_GUARD, () -> OfficeText.read(f, format, limits));
    }

    @Test
    void eightyThousandUnclosedTagsAreRejectedAsMalformedNotScannedQuadratically() throws Exception {
        OfficeText.Extracted x = read(docx("<w:document><w:body>" + "<t ".repeat(80_000)), OfficeText.Format.DOCX, LIMITS);
        assertFalse(x.complete(), "a document that cannot be parsed is not screened");
        assertTrue(x.problem().contains("XML"), x.problem());
    }

    @Test
    void anEightMegabyteHostileEntryIsRejected() throws Exception {
        OfficeText.Extracted x = read(docx("<w:document><w:body>" + "<t ".repeat(8 * 1024 * 1024 / 3)), OfficeText.Format.DOCX, LIMITS);
        assertFalse(x.complete());
        assertNotNull(x.problem());
    }

    @Test
    void textBeyondTheCharacterLimitIsNotScreenedAndSaysSo() throws Exception {
        String big = paragraph("正文".repeat(3_000));
        OfficeText.Extracted x = read(docx(big), OfficeText.Format.DOCX, OfficeText.Limits.defaults(1_000));
        assertFalse(x.complete());
        assertEquals(1_000, x.text().length());
        assertTrue(x.problem().contains("1000"), x.problem());

        OfficeText.Extracted whole = read(docx(big), OfficeText.Format.DOCX, LIMITS);
        assertTrue(whole.complete(), String.valueOf(whole.problem()));
        assertEquals(6_000, whole.text().strip().length());
    }

    @Test
    void anEntryThatInflatesTooMuchIsAZipBomb() throws Exception {
        String bomb = paragraph(" ".repeat(6 * 1024 * 1024));
        OfficeText.Extracted x = read(docx(bomb), OfficeText.Format.DOCX, LIMITS);
        assertFalse(x.complete());
        assertTrue(x.problem().contains("ZIP bomb"), x.problem());
    }

    @Test
    void tooManyEntriesAndEmbeddedDocumentsAreNotScreened() throws Exception {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 6_000; i++) {
            many.put("word/media/image" + i + ".png", new byte[] {1});
        }
        assertFalse(read(zip(many), OfficeText.Format.DOCX, LIMITS).complete());

        Map<String, byte[]> embedded = new LinkedHashMap<>();
        embedded.put("word/document.xml", utf8(paragraph("见附表")));
        embedded.put("word/embeddings/Microsoft_Excel_Worksheet.xlsx", new byte[] {1, 2, 3});
        OfficeText.Extracted x = read(zip(embedded), OfficeText.Format.DOCX, LIMITS);
        assertFalse(x.complete());
        assertTrue(x.problem().contains("embedded"), x.problem());
    }

    @Test
    void notAZipAndExternalEntitiesAreNotScreenedAndNeverResolved() throws Exception {
        assertFalse(read(utf8("just text"), OfficeText.Format.DOCX, LIMITS).complete());
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
                + "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";
        OfficeText.Extracted x = read(docx(xxe), OfficeText.Format.DOCX, LIMITS);
        assertFalse(x.complete(), "an undeclared (unprocessed) entity is malformed input");
        String hostname = Files.exists(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).strip() : "";
        assertTrue(hostname.isEmpty() || !x.text().contains(hostname));
    }

    @Test
    void runsOfOneParagraphAreJoinedSoASplitNumberStaysWhole() throws Exception {
        OfficeText.Extracted x = read(docx(paragraph("联系电话 138", "1234", "5678")), OfficeText.Format.DOCX, LIMITS);
        assertTrue(x.complete());
        assertTrue(new PersonalDataScreener().screen(x.text()).count(PersonalDataKind.MOBILE) == 1, x.text());
    }

    @Test
    void spreadsheetNumbersAreReadInPlainNotationAndSharedStringIndicesAreNot() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("xl/sharedStrings.xml", utf8("<sst><si><t>张三</t></si><si><r><t>430102</t></r><r><t>19900101123X</t></r></si></sst>"));
        m.put("xl/worksheets/sheet1.xml", utf8("<worksheet><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"><v>13812345678</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" s=\"3\" t=\"n\"><v>1.3912345678E10</v></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>备注</t></is></c><c r=\"D2\" t=\"b\"><v>1</v></c></row>"
                + "</sheetData></worksheet>"));
        OfficeText.Extracted x = read(zip(m), OfficeText.Format.XLSX, LIMITS);
        assertTrue(x.complete(), String.valueOf(x.problem()));
        assertAll(
                () -> assertTrue(x.text().contains("13812345678"), x.text()),
                () -> assertTrue(x.text().contains("13912345678"), "E-notation written out: " + x.text()),
                () -> assertTrue(x.text().contains("43010219900101123X"), "rich-text runs joined: " + x.text()),
                () -> assertTrue(x.text().contains("备注"), x.text()),
                () -> assertFalse(x.text().matches("(?s).*(^|\\s)[01](\\s|$).*"), "indices and booleans are not text: " + x.text()));
        assertEquals(2, new PersonalDataScreener().screen(x.text()).count(PersonalDataKind.MOBILE), x.text());
    }

    @Test
    void cellValuesInPlainNotation() {
        assertEquals("13812345678", OfficeText.cellValue("n", "1.3812345678E10"));
        assertEquals("13812345678", OfficeText.cellValue("n", "13812345678.0"));
        assertEquals("0.5", OfficeText.cellValue("n", "0.5"));
        assertEquals("1E+999999999", OfficeText.cellValue("n", "1E+999999999"), "no billion-digit expansion");
        assertEquals("", OfficeText.cellValue("s", "12"));
        assertEquals("x", OfficeText.cellValue("str", "x"));
    }
}
