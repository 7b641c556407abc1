package io.xxgk.publish.service.statistics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.xxgk.publish.repository.CatalogueEntry;
import io.xxgk.publish.repository.statistics.EntryFacts;
import io.xxgk.publish.repository.statistics.StatisticsCounts;
import io.xxgk.publish.repository.statistics.WorkingCalendar;
import io.xxgk.publish.repository.statistics.WorkingDayArithmetic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the maintained statistics counts (V13) in step with the catalogue: what an entry counts for, its change
 * within the writer's transaction, and a recount from the entries whenever the counts were computed under other rules
 * or another working-day calendar (the first start after V13, a changed holiday setting). The recount runs in the
 * background at startup and is retried until the database answers, so the service starts without it.
 */
@ApplicationScoped
public class StatisticsCounting {

    private static final Logger LOG = Logger.getLogger(StatisticsCounting.class);

    /** Bump when {@link EntryFacts} counts differently: every instance then recounts once. */
    private static final String RULES_VERSION = "counts-1";

    private final StatisticsCounts counts;
    private final WorkingDayArithmetic days;
    private final String basis;
    private volatile ScheduledExecutorService recount;

    public StatisticsCounting(StatisticsCounts counts, WorkingDays workingDays) {
        this.counts = counts;
        WorkingCalendar calendar = workingDays.calendar();
        this.days = new WorkingDayArithmetic(calendar);
        this.basis = RULES_VERSION + " " + sha256(calendar.weekdayHolidays() + " " + calendar.weekendWorkdays());
    }

    /** What {@code entry} counts for as it is now (null: nothing, or no entry). */
    public EntryFacts facts(CatalogueEntry entry) {
        if (entry == null || entry.status == null) {
            return null;
        }
        return EntryFacts.of(new EntryFacts.Row(entry.schoolCode, entry.status, entry.producedDate, entry.publishedDate,
                entry.kind, entry.category, entry.checklistItem, entry.department, entry.withholdReason, entry.channels,
                entry.revision, entry.revisedOn, entry.originalProducedDate, entry.originalPublishedDate,
                entry.originalMadePublicAt, entry.madePublicAt), days);
    }

    /** An entry changed in the current transaction; see {@link StatisticsCounts#change}. */
    public void changed(EntryFacts before, EntryFacts after) {
        counts.change(before, after);
    }

    /** Writes the current transaction's changes now (a consumer's poll), instead of at commit. */
    public void flush() {
        counts.flush();
    }

    /** Recounts from the entries now, in a transaction of its own. */
    public void rebuild() {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> counts.rebuild(basis, days, true));
    }

    /** Whether the counts match the running rules and calendar. */
    public boolean current() {
        return basis.equals(counts.basis());
    }

    void onStart(@Observes StartupEvent event) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "statistics-recount");
            t.setDaemon(true);
            return t;
        });
        recount = executor;
        executor.execute(new Runnable() {
            private long delaySeconds = 1;

            @Override
            public void run() {
                try {
                    if (!current()) {
                        long t0 = System.nanoTime();
                        boolean done = QuarkusTransaction.requiringNew().timeout(600)
                                .call(() -> counts.rebuild(basis, days, false));
                        if (done) {
                            LOG.infof("statistics counts recounted from the catalogue (%s) in %d ms", basis,
                                    (System.nanoTime() - t0) / 1_000_000);
                        }
                    }
                    executor.shutdown();
                } catch (RuntimeException e) {
                    LOG.warnf("statistics counts not recounted yet, retrying in %d s: %s", delaySeconds, e.getMessage());
                    if (!executor.isShutdown()) {
                        executor.schedule(this, delaySeconds, TimeUnit.SECONDS);
                    }
                    delaySeconds = Math.min(delaySeconds * 2, 60);
                }
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        ScheduledExecutorService executor = recount;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
