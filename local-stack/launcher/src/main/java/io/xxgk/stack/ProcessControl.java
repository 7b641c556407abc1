package io.xxgk.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Signals and /proc look-ups for processes that are not (or no longer) our children. Linux. */
public final class ProcessControl {

    private ProcessControl() {
    }

    /** The command line of a live process, arguments joined by spaces; empty if unknown. */
    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException e) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
        }
    }

    /** The working directory of a live process, if it can be read. */
    public static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Alive and not a zombie (Java counts an exited process nobody has reaped yet as alive). */
    public static boolean isAlive(long pid) {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    static boolean isAlive(ProcessHandle h) {
        return isAlive(h.pid());
    }

    /** {@code kill -<signal> <pid>}: INT, TERM or KILL. */
    public static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            if ("KILL".equals(signal)) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            } else {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops a process and everything it started: {@code signal} (TERM, or INT for PostgreSQL's fast shutdown), then
     * SIGKILL after {@code graceSeconds}; returns when all of them are gone (or after another 10 s).
     */
    public static void terminate(long pid, String signal, int graceSeconds) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        List<ProcessHandle> family = new java.util.ArrayList<>(handle.get().descendants().toList());
        family.add(0, handle.get());
        signal(pid, signal);
        if (!awaitExit(List.of(handle.get()), graceSeconds * 1000L)) {
            signal(pid, "KILL");
        }
        if (!awaitExit(family, 10_000)) {
            family.stream().filter(ProcessControl::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(family, 10_000);
        }
    }

    static boolean awaitExit(List<ProcessHandle> processes, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (processes.stream().noneMatch(ProcessControl::isAlive)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return processes.stream().noneMatch(ProcessControl::isAlive);
    }
}
