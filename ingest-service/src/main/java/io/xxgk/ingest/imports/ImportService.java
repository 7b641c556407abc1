package io.xxgk.ingest.imports;

import io.minio.GetObjectArgs;
import io.minio.PutObjectArgs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.xxgk.contract.api.Problem;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.ingest.repository.ImportJob;
import io.xxgk.ingest.repository.ImportRowResult;
import io.xxgk.ingest.rest.ItemRequest;
import io.xxgk.ingest.rest.ProblemException;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.service.ItemIntakeService;
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
import java.util.List;
import java.util.Locale;
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

    private final ItemIntakeService intake;
    private final ObjectStorage storage;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "register-import");
        t.setDaemon(true);
        return t;
    });

    public ImportService(ItemIntakeService intake, ObjectStorage storage, Clock clock) {
        this.intake = intake;
        this.storage = storage;
        this.clock = clock;
    }

    public ImportJob start(Caller caller, Path upload, String fileName) {
        if (caller.schoolCode() == null) {
            throw ProblemException.forbidden("只有部门 API key 可以导入 / only department keys import registers");
        }
        RegisterFileReader.Format format = format(upload, fileName);
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.schoolCode = caller.schoolCode();
        job.department = caller.department() == null ? "" : caller.department();
        job.fileName = fileName == null ? "register." + format.name().toLowerCase(Locale.ROOT) : fileName;
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
            j.status = ImportJob.Status.RUNNING.name();
            return j;
        });
        Caller caller = new Caller("import:" + jobId, job.schoolCode, job.department.isEmpty() ? null : job.department, false);
        Path file = null;
        try {
            file = Files.createTempFile("xxgk-import-", ".bin");
            try (InputStream in = storage.client().getObject(GetObjectArgs.builder().bucket(storage.bucket()).object(job.objectKey).build())) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
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
                chunk.add(RegisterRowMapper.map(values, job.schoolCode, caller.department(), "import-" + job.id, rowNumber));
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
        } catch (Exception e) {
            LOG.errorf(e, "import %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob j = ImportJob.findById(jobId);
                j.status = ImportJob.Status.FAILED.name();
                j.error = "文件无法读取 / the file could not be read: " + e.getMessage();
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

    private void submitChunk(UUID jobId, Caller caller, List<Integer> rowNumbers, List<ItemRequest> chunk) {
        List<ItemIntakeService.BatchResult> results = intake.submitBatch(caller, chunk);
        QuarkusTransaction.requiringNew().run(() -> {
            int ok = 0;
            for (ItemIntakeService.BatchResult r : results) {
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
                if (ImportRowResult.findByIdOptional(key(jobId, row.rowNo)).isEmpty()) {
                    row.persist();
                }
            }
            ImportJob j = ImportJob.findById(jobId);
            j.processed += results.size();
            j.accepted += ok;
            j.rejected += results.size() - ok;
            j.updatedAt = clock.instant();
        });
        rowNumbers.clear();
        chunk.clear();
    }

    private static ImportRowResult.Key key(UUID jobId, int rowNo) {
        ImportRowResult.Key k = new ImportRowResult.Key();
        k.jobId = jobId;
        k.rowNo = rowNo;
        return k;
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
