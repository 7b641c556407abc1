package io.xxgk.stack;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Restarts a crashed server or service with exponential backoff (1, 2, 4 ... 60 s; back to 1 s once it has run for
 * a minute), logging which process, how it ended and when the next attempt is. A process stopped deliberately
 * ({@code shouldRun} false) is left alone. One daemon thread checks every second.
 */
public final class Supervisor implements AutoCloseable {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    static final Duration STABLE = Duration.ofSeconds(60);

    /** One watched process: whether it should run, whether it does, how it ended, and how to start it again. */
    public record Watched(String name, BooleanSupplier shouldRun, BooleanSupplier isAlive, Supplier<String> exitStatus,
                          Runnable restart) {
    }

    private static final class State {
        final Watched watched;
        int failures;
        long restartAt = -1;
        long upSince = System.nanoTime();

        State(Watched watched) {
            this.watched = watched;
        }
    }

    private final List<State> states = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final Duration firstBackoff;
    private volatile boolean closed;
    private volatile int restarts;

    public Supervisor() {
        this(Duration.ofSeconds(1));
    }

    Supervisor(Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
        this.thread = new Thread(this::run, "xxgk-supervisor");
        thread.setDaemon(true);
    }

    public Supervisor watch(Watched w) {
        states.add(new State(w));
        return this;
    }

    public Supervisor start() {
        thread.start();
        return this;
    }

    /** Successful restarts so far. */
    public int restarts() {
        return restarts;
    }

    private void run() {
        while (!closed) {
            for (State s : states) {
                if (closed) {
                    return;
                }
                check(s);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(State s) {
        Watched w = s.watched;
        long now = System.nanoTime();
        if (!w.shouldRun().getAsBoolean() || w.isAlive().getAsBoolean()) {
            s.restartAt = -1;
            if (now - s.upSince > STABLE.toNanos()) {
                s.failures = 0;
            }
            return;
        }
        if (s.restartAt < 0) {
            long delay = backoff(s.failures).toNanos();
            s.restartAt = now + delay;
            log(w.name() + " 已退出 (" + w.exitStatus().get() + ")，" + delay / 1_000_000_000L + " 秒后第 " + (s.failures + 1)
                    + " 次重启 / " + w.name() + " exited (" + w.exitStatus().get() + "); restart attempt " + (s.failures + 1)
                    + " in " + delay / 1_000_000_000L + " s");
            return;
        }
        if (now < s.restartAt) {
            return;
        }
        s.restartAt = -1;
        s.failures++;
        try {
            w.restart().run();
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            log(w.name() + " 重启失败 / restart failed: " + e.getMessage());
            return;
        }
        s.upSince = System.nanoTime();
        restarts++;
        log(w.name() + " 已重启 / restarted");
    }

    Duration backoff(int failures) {
        long seconds = firstBackoff.toSeconds() << Math.min(failures, 10);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(Math.max(1, seconds));
    }

    private static void log(String line) {
        System.out.println(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " [supervisor] " + line);
    }

    /** Stops supervising (before a deliberate shutdown); waits for a restart in progress to give up. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
