package io.xxgk.stack;

import java.lang.instrument.Instrumentation;
import java.time.Instant;
import java.util.Optional;

/**
 * A Java agent the launcher puts into every JVM it starts (Kafka, S3Proxy, the services): when the launcher
 * disappears, even by SIGKILL, the child stops itself (orderly {@code System.exit}, halted if that hangs) instead of
 * holding the ports for ever. Uses only the JDK: it is copied alone into a tiny jar (see {@link ServerProcess}).
 * Argument: the launcher's pid.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void premain(String args, Instrumentation ignored) {
        long parentPid;
        try {
            parentPid = Long.parseLong(args == null ? "" : args.trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            return;
        }
        Optional<Instant> started = parent.get().info().startInstant();
        Thread watch = new Thread(() -> watch(parentPid, started), "xxgk-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(long parentPid, Optional<Instant> started) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            Optional<ProcessHandle> p = ProcessHandle.of(parentPid);
            // a reused pid has another start time
            boolean alive = p.isPresent() && p.get().isAlive()
                    && (started.isEmpty() || started.equals(p.get().info().startInstant()));
            if (!alive) {
                System.err.println("启动器 (pid " + parentPid + ") 已退出，本进程随之停止 / the launcher (pid " + parentPid
                        + ") is gone; stopping");
                Thread halt = new Thread(() -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    Runtime.getRuntime().halt(1);
                }, "xxgk-parent-watch-halt");
                halt.setDaemon(true);
                halt.start();
                System.exit(0);
                return;
            }
        }
    }
}
