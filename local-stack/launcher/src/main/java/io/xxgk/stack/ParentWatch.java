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
        boolean startedAsChild = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid;
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive);
        if (!startedAsChild && parent.isEmpty()) {
            // the launcher died before this JVM got this far
            stop(parentPid);
            return;
        }
        Optional<Instant> started = parent.flatMap(h -> h.info().startInstant());
        Thread watch = new Thread(() -> watch(parentPid, started, startedAsChild), "xxgk-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void watch(long parentPid, Optional<Instant> started, boolean startedAsChild) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            // when the launcher exits this process is handed to another parent at once, even while the launcher is an
            // unreaped zombie; a launcher that is not our parent is watched by pid and start time (a reused pid differs)
            boolean isParent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parentPid;
            Optional<ProcessHandle> p = ProcessHandle.of(parentPid);
            boolean alive = startedAsChild ? isParent : p.isPresent() && p.get().isAlive()
                    && (started.isEmpty() || started.equals(p.get().info().startInstant()));
            if (!alive) {
                stop(parentPid);
                return;
            }
        }
    }

    private static void stop(long parentPid) {
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
        // from premain, exit must not run on the JVM's own start-up thread while it is still starting
        Thread exit = new Thread(() -> System.exit(0), "xxgk-parent-watch-exit");
        exit.start();
    }
}
