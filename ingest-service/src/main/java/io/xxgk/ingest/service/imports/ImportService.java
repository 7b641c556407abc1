package io.xxgk.ingest.service.imports;

import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.ingest.repository.ImportJob;
import io.xxgk.ingest.repository.ImportRowResult;
import io.xxgk.ingest.service.ItemRequest;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.service.BatchIntake;
import io.xxgk.ingest.storage.ContentSniffer;
import io.xxgk.ingest.storage.ObjectStorage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Bulk import of a register (CSV/XLSX): the file is kept in the object store, then read row by row and
 * submitted in chunks through the same intake as the batch endpoint. Progress and per-row results are stored
 * as it goes; an import interrupted by a restart resumes where it stopped (rows are idempotent by id).
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    public static final int CHUNK = 500;
    /** An import that was started this often without finishing is failed rather than resumed again. */
    static final int MAX_ATTEMPTS = 3;
    /** Largest register file accepted (a register of 100,000 rows is far smaller). */
    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final BatchIntake batches;
    private final ObjectStorage storage;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "register-import");
        t.setDaemon(true);
        return t;
    });

    public ImportService(BatchIntake batches, ObjectStorage storage, Clock clock) {
        this.batches = batches;
        this.storage = storage;
        this.clock = clock;
    }

    public ImportJob start(Caller caller, Path upload, String fileName) {
        if (caller.schoolCode() == null) {
            throw ProblemException.forbidden("只有部门 API key 可以导入 / only department keys import registers");
        }
        RegisterFileReader.Format format = format(upload, fileName);
        try {
            if (Files.size(upload) > MAX_FILE_BYTES) {
                throw new ProblemException(413, "too-large", "文件过大 / File too large",
                        "登记表不能超过 " + MAX_FILE_BYTES / (1024 * 1024) + " MB / a register file may be at most " + MAX_FILE_BYTES + " bytes",
                        List.of(new Problem.FieldError("file", "too-large", "larger than " + MAX_FILE_BYTES + " bytes", "文件过大")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.schoolCode = caller.schoolCode();
        job.department = caller.department() == null ? "" : caller.department();
        job.fileName = fileName == null || fileName.isBlank() ? "register." + format.name().toLowerCase(Locale.ROOT) : fileName.strip();
        job.format = format.name();
        job.objectKey = "imports/" + job.id;
        job.status = ImportJob.Status.QUEUED.name();
        job.createdAt = clock.instant();
        job.updatedAt = job.createdAt;
        try (InputStream in = Files.newInputStream(upload)) {
            storage.ensureBucket();
            storage.client().putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(job.objectKey)
                    .stream(in, Files.size(upload), -1).build());
        } catch (Exception e) {
            throw new ProblemException(503, "storage-unavailable", "对象存储不可用 / Object store unavailable",
                    "导入文件未保存，请稍后重试 / the file was not stored, please retry", null);
        }
        QuarkusTransaction.requiringNew().run(job::persist);
        workers.submit(() -> run(job.id));
        return job;
    }

    /** A client resumes a FAILED import: it carries on after the rows already processed. */
    public ImportJob resume(Caller caller, UUID jobId) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = ImportJob.<ImportJob>findByIdOptional(jobId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .filter(x -> caller.mayWriteFor(x.schoolCode))
                    .orElseThrow(() -> ProblemException.notFound("没有这个导入任务 / no import " + jobId));
            if (!ImportJob.Status.FAILED.name().equals(j.status)) {
                throw ProblemException.conflict("只有失败的导入可以继续，此导入为 " + j.status + " / only a FAILED import can be resumed; this one is "
                        + j.status);
            }
            j.status = ImportJob.Status.QUEUED.name();
            j.attempts = 0;
            j.error = null;
            j.updatedAt = clock.instant();
            return j;
        });
        workers.submit(() -> run(jobId));
        return job;
    }

    void resumeInterrupted(@Observes StartupEvent ev) {
        List<UUID> pending = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>list("status in ?1",
                List.of(ImportJob.Status.QUEUED.name(), ImportJob.Status.RUNNING.name())).stream().map(j -> j.id).toList());
        pending.forEach(id -> workers.submit(() -> run(id)));
    }

    void stop(@Observes ShutdownEvent ev) {
        workers.shutdownNow();
    }

    private void run(UUID jobId) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob j = ImportJob.findById(jobId);
            j.attempts++;
            if (j.attempts > MAX_ATTEMPTS) {
                j.status = ImportJob.Status.FAILED.name();
                j.error = "导入已中断 " + MAX_ATTEMPTS + " 次，已停止；请检查文件后继续或重新上传 / the import was interrupted "
                        + MAX_ATTEMPTS + " times and has been stopped; check the file, then resume or upload it again";
                j.updatedAt = clock.instant();
                return null;
            }
            j.status = ImportJob.Status.RUNNING.name();
            return j;
        });
        if (job == null) {
            LOG.warnf("import %s stopped after %d interrupted attempts", jobId, MAX_ATTEMPTS);
            return;
        }
        Caller caller = new Caller("import:" + jobId, job.schoolCode, job.department.isEmpty() ? null : job.department, false);
        Path file = null;
        try {
            file = Files.createTempFile("xxgk-import-", ".bin");
            try (InputStream in = storage.client().getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(job.objectKey).build())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            String idPrefix = rowIdPrefix(file, job.department);
            int alreadyDone = job.processed;
            List<Integer> rowNumbers = new ArrayList<>();
            List<ItemRequest> chunk = new ArrayList<>();
            int[] seen = {0};
            RegisterFileReader.read(file, RegisterFileReader.Format.valueOf(job.format), (rowNumber, values) -> {
                seen[0]++;
                if (seen[0] <= alreadyDone) {
                    return;
                }
                rowNumbers.add(rowNumber);
                chunk.add(RegisterRowMapper.map(values, job.schoolCode, caller.department(), idPrefix, rowNumber));
                if (chunk.size() == CHUNK) {
                    submitChunk(job.id, caller, rowNumbers, chunk);
                }
            });
            if (!chunk.isEmpty()) {
                submitChunk(job.id, caller, rowNumbers, chunk);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob j = ImportJob.findById(jobId);
                j.totalRows = j.processed;
                j.status = ImportJob.Status.DONE.name();
                j.updatedAt = clock.instant();
            });
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            LOG.errorf(e, "import %s failed", jobId);
            String reason = e instanceof RegisterFileReader.UnreadableRegister ? e.getMessage()
                    : e instanceof Error ? "文件过于复杂，无法读取 / the file is too complex to read (" + e.getClass().getSimpleName() + ")"
                    : "文件无法读取 / the file could not be read: " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob j = ImportJob.findById(jobId);
                j.status = ImportJob.Status.FAILED.name();
                j.error = reason;
                j.updatedAt = clock.instant();
            });
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        }
    }

    /** The chunk's items, outbox rows, row results and the job's progress in one transaction (see {@link BatchIntake}). */
    private void submitChunk(UUID jobId, Caller caller, List<Integer> rowNumbers, List<ItemRequest> chunk) {
        batches.submit(caller, chunk, results -> recordRows(jobId, rowNumbers, results));
        rowNumbers.clear();
        chunk.clear();
    }

    private void recordRows(UUID jobId, List<Integer> rowNumbers, List<BatchIntake.BatchResult> results) {
        // rows already recorded by an attempt that was interrupted after its commit are not recorded twice
        Set<Integer> recorded = new HashSet<>(ImportRowResult.<ImportRowResult>list("jobId = ?1 and rowNo in ?2", jobId, rowNumbers)
                .stream().map(r -> r.rowNo).toList());
        int ok = 0;
        for (BatchIntake.BatchResult r : results) {
            ImportRowResult row = new ImportRowResult();
            row.jobId = jobId;
            row.rowNo = rowNumbers.get(r.index());
            row.itemId = r.id();
            row.status = r.status();
            if (r.problem() != null) {
                Problem p = r.problem().toProblem("row " + row.rowNo);
                row.problem = EventCodec.encode(p);
            } else {
                ok++;
            }
            if (recorded.add(row.rowNo)) {
                row.persist();
            }
        }
        ImportJob j = ImportJob.findById(jobId);
        j.processed += results.size();
        j.accepted += ok;
        j.rejected += results.size() - ok;
        j.updatedAt = clock.instant();
    }

    /**
     * Rows without an 编号 get ids from the file's content and the row number, so that uploading the same file
     * again (a retry after a lost answer, a resumed or repeated import) finds the same items instead of creating
     * every row again. The department is part of it: two departments may import identical files.
     */
    static String rowIdPrefix(Path file, String department) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((department + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
            return "reg-" + java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RegisterFileReader.Format format(Path upload, String fileName) {
        try {
            if (ContentSniffer.sniff(upload).filter(ContentSniffer.XLSX::equals).isPresent()) {
                return RegisterFileReader.Format.XLSX;
            }
            if (ContentSniffer.sniff(upload).isEmpty() && (fileName == null || fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
                    || fileName.toLowerCase(Locale.ROOT).endsWith(".txt"))) {
                return RegisterFileReader.Format.CSV;
            }
        } catch (IOException e) {
            // fall through to the error
        }
        throw new ProblemException(415, "unsupported-media-type", "文件类型不支持 / Unsupported file type",
                "请上传 CSV（UTF-8 或 GBK）或 XLSX 登记表 / upload a CSV or XLSX register",
                List.of(new Problem.FieldError("file", "unsupported-type", "expected CSV or XLSX", "应为 CSV 或 XLSX 文件")));
    }
}
