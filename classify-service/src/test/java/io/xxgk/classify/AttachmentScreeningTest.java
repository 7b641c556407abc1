package io.xxgk.classify;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.junit.QuarkusTest;
import io.xxgk.contract.Topics;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.stack.LocalStack;
import io.xxgk.testing.RealServers;
import io.xxgk.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOCX attachments are read from the real object store and screened; a list with ID numbers waits for a person. */
@QuarkusTest
class AttachmentScreeningTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static byte[] docx(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<w:document><w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static AttachmentRef upload(byte[] bytes) throws Exception {
        TestServers.ObjectStore store = RealServers.stack().objectStore();
        try (MinioClient client = MinioClient.builder().endpoint(store.endpoint())
                .credentials(store.accessKey(), store.secretKey()).region("us-east-1").build()) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(LocalStack.BUCKET).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(LocalStack.BUCKET).build());
            }
            String key = "sha256/test-" + UUID.randomUUID();
            client.putObject(PutObjectArgs.builder().bucket(LocalStack.BUCKET).object(key)
                    .stream(new ByteArrayInputStream(bytes), bytes.length, -1).contentType(DOCX).build());
            return new AttachmentRef(key, "名单.docx", DOCX, bytes.length, "0".repeat(64));
        }
    }

    static ItemClassified classify(String id, AttachmentRef attachment) throws Exception {
        ItemSubmitted in = new ItemSubmitted(1, id, 1, ItemAction.SUBMIT, "zzsz", "学生工作处", "2025年国家助学金评审结果公示", "名单见附件。",
                ItemKind.OTHER, LocalDate.of(2025, 10, 20), null, null, null, null, false, null, null, List.of(attachment), Instant.now());
        SubmittedItemProcessorTest.send("zzsz", EventCodec.encode(in));
        return SubmittedItemProcessorTest.find(SubmittedItemProcessorTest.read(Topics.ITEMS_CLASSIFIED,
                seen -> seen.stream().anyMatch(r -> r.value().contains(id))), id);
    }

    @Test
    void anAttachmentWithResidentIdNumbersIsHeld() throws Exception {
        String id = "att-pii-" + UUID.randomUUID();
        ItemClassified c = classify(id, upload(docx("李四 " + ReviewQueueTest.ID_NUMBER + " 学前教育 2班")));
        assertEquals(Decision.HOLD, c.decision());
        assertTrue(c.holdReasons().contains("PERSONAL_DATA_IN_ATTACHMENT"), c.holdReasons().toString());
    }

    @Test
    void aCleanAttachmentDoesNotHoldTheItemAndAnUnreadableOneDoes() throws Exception {
        ItemClassified clean = classify("att-ok-" + UUID.randomUUID(), upload(docx("评审结果：共 120 人获得国家助学金，名单已在学院公示栏公示。")));
        assertTrue(!clean.holdReasons().contains("PERSONAL_DATA_IN_ATTACHMENT"), clean.holdReasons().toString());

        AttachmentRef missing = new AttachmentRef("sha256/missing-" + UUID.randomUUID(), "丢失.docx", DOCX, 10, "0".repeat(64));
        ItemClassified unreadable = classify("att-missing-" + UUID.randomUUID(), missing);
        assertEquals(Decision.HOLD, unreadable.decision());
        assertTrue(unreadable.holdReasons().contains("ATTACHMENT_NOT_SCREENED"), unreadable.holdReasons().toString());
    }
}
