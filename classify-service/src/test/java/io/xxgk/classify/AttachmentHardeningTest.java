package io.xxgk.classify;

import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.classify.service.ClassificationService;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fail closed: whatever was not completely screened holds the item; attachment names are screened and masked. */
@QuarkusTest
class AttachmentHardeningTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ClassificationService classification;

    static ItemSubmitted item(AttachmentRef... attachments) {
        return new ItemSubmitted(1, "att-" + UUID.randomUUID(), 1, ItemAction.SUBMIT, "zzsz", "财务处", "2025年部门预算公开",
                "预算见附件。", ItemKind.BUDGET, LocalDate.of(2025, 3, 3), null, null, null, null, false, null, null,
                List.of(attachments), Instant.now());
    }

    static AttachmentRef upload(byte[] bytes, String name, String type) throws Exception {
        AttachmentRef stored = AttachmentScreeningTest.upload(bytes);
        return new AttachmentRef(stored.objectKey(), name, type, bytes.length, stored.sha256());
    }

    static byte[] zip(String name, byte[] content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
        }
        return out.toByteArray();
    }

    ItemClassified decide(ItemSubmitted in) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> classification.decide(in));
    }

    @Test
    void aMobileNumberTypedAsANumberInExcelHoldsTheItem() throws Exception {
        byte[] xlsx = zip("xl/worksheets/sheet1.xml", ("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1.3812345678E10</v></c>"
                + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        ItemClassified c = decide(item(upload(xlsx, "预算表.xlsx", XLSX)));
        assertEquals(Decision.HOLD, c.decision());
        assertTrue(c.holdReasons().contains(ClassificationService.PERSONAL_DATA_IN_ATTACHMENT), c.holdReasons().toString());
    }

    @Test
    void aCleanSpreadsheetDoesNotHold() throws Exception {
        byte[] xlsx = zip("xl/worksheets/sheet1.xml", ("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1250000.5</v></c>"
                + "</row></sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        ItemClassified c = decide(item(upload(xlsx, "预算表.xlsx", XLSX)));
        assertFalse(c.holdReasons().contains(ClassificationService.ATTACHMENT_NOT_SCREENED), c.holdReasons().toString());
        assertFalse(c.holdReasons().contains(ClassificationService.PERSONAL_DATA_IN_ATTACHMENT), c.holdReasons().toString());
    }

    @Test
    void aHostileDocxIsNotScreenedAndHolds() throws Exception {
        byte[] hostile = zip("word/document.xml", ("<w:document><w:body>" + "<t ".repeat(80_000)).getBytes(StandardCharsets.UTF_8));
        ItemClassified c = decide(item(upload(hostile, "说明.docx", AttachmentScreeningTest.DOCX)));
        assertEquals(Decision.HOLD, c.decision());
        assertTrue(c.holdReasons().contains(ClassificationService.ATTACHMENT_NOT_SCREENED), c.holdReasons().toString());
        assertTrue(c.explanation().contains("说明.docx"), c.explanation());
    }

    @Test
    void textCutAtTheCharacterLimitHolds() throws Exception {
        // the limit is 2,000,000 characters; everything past it would be published unscreened
        // random ideographs: incompressible, so it is the character limit that stops the reading, not the ZIP-bomb ratio
        java.util.Random random = new java.util.Random(16);
        StringBuilder sb = new StringBuilder(2_100_000);
        for (int i = 0; i < 2_100_000; i++) {
            sb.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        String text = sb.toString();
        ItemClassified c = decide(item(upload(AttachmentScreeningTest.docx(text), "说明.docx", AttachmentScreeningTest.DOCX)));
        assertEquals(Decision.HOLD, c.decision());
        assertTrue(c.holdReasons().contains(ClassificationService.ATTACHMENT_NOT_SCREENED), c.holdReasons().toString());
        assertTrue(c.explanation().contains("2000000"), c.explanation());
    }

    @Test
    void zipPdfAndImagesCannotBeTextScreenedAndHold() throws Exception {
        for (String[] kind : new String[][] {{"名单.zip", "application/zip"}, {"通知.pdf", "application/pdf"}, {"名单.png", "image/png"}}) {
            ItemClassified c = decide(item(upload("%PDF-1.4 or PNG or ZIP bytes".getBytes(StandardCharsets.UTF_8), kind[0], kind[1])));
            assertEquals(Decision.HOLD, c.decision(), kind[0]);
            assertTrue(c.holdReasons().contains(ClassificationService.ATTACHMENT_NOT_SCREENED), kind[0] + " " + c.holdReasons());
            assertTrue(c.explanation().contains(kind[0]), c.explanation());
        }
    }

    @Test
    void personalDataInAnAttachmentNameHoldsAndIsMasked() throws Exception {
        String id = ReviewQueueTest.ID_NUMBER;
        byte[] clean = AttachmentScreeningTest.docx("2025年部门预算说明");
        ItemClassified c = decide(item(upload(clean, "张三-" + id + ".docx", AttachmentScreeningTest.DOCX)));
        assertEquals(Decision.HOLD, c.decision());
        assertTrue(c.holdReasons().contains(ClassificationService.PERSONAL_DATA_IN_ATTACHMENT), c.holdReasons().toString());
        assertTrue(c.personalDataMasked());
        String name = c.attachments().get(0).fileName();
        assertFalse(name.contains(id), name);
        assertEquals("张三-4301**********" + id.substring(14) + ".docx", name);
        assertFalse(c.explanation().contains(id), c.explanation());
    }
}
