package io.xxgk.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Servers left running by a launcher that died without stopping them (SIGKILL, power loss of the terminal...).
 * A server counts as ours, and is stopped, only if its pid is alive and its command line (or, for PostgreSQL, its
 * working directory) names this data folder; a port taken by anything else is left alone and reported as taken.
 * PostgreSQL is found through {@code postmaster.pid} in its data directory; every JVM the launcher starts has a pid
 * file in {@code <data>/run/}.
 */
public final class StaleServers {

    private StaleServers() {
    }

    public static Path pidFile(Path dataDir, String name) {
        return dataDir.toAbsolutePath().normalize().resolve("run").resolve(name + ".pid");
    }

    /** What a JVM started for this data folder carries on its command line (config paths, or -Dlocal-stack.data=<folder>/: not under "xxgk.", which Quarkus validates). */
    public static String marker(Path dataDir) {
        return dataDir.toAbsolutePath().normalize() + "/";
    }

    /** Every stale server of this data folder: services first, then Kafka and S3Proxy, then PostgreSQL. */
    public static List<String> reclaimAll(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        List<String> stopped = new ArrayList<>();
        List<Path> pidFiles = new ArrayList<>();
        Path run = data.resolve("run");
        if (Files.isDirectory(run)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(run, "*.pid")) {
                files.forEach(pidFiles::add);
            } catch (IOException e) {
                System.err.println("cannot read " + run + ": " + e.getMessage());
            }
        }
        pidFiles.sort((a, b) -> Integer.compare(order(a), order(b)));
        for (Path f : pidFiles) {
            reclaimPidFile(f, marker(data)).ifPresent(stopped::add);
        }
        reclaimPostgres(data.resolve("postgres")).ifPresent(stopped::add);
        return stopped;
    }

    private static int order(Path pidFile) {
        String n = pidFile.getFileName().toString();
        return n.startsWith("kafka") || n.startsWith("s3proxy") ? 1 : 0;
    }

    /** Stops the process of a launcher pid file if it is alive and carries {@code marker}; deletes the file. */
    public static Optional<String> reclaimPidFile(Path pidFile, String marker) {
        Optional<Long> pid = readPid(pidFile);
        Optional<String> result = Optional.empty();
        if (pid.isPresent() && ProcessControl.isAlive(pid.get()) && pid.get() != ProcessHandle.current().pid()
                && ProcessControl.commandLine(pid.get()).contains(marker)) {
            String name = pidFile.getFileName().toString().replace(".pid", "");
            announce(name, pid.get());
            ProcessControl.terminate(pid.get(), "TERM", 20);
            result = Optional.of(name + " (pid " + pid.get() + ")");
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // harmless: rewritten at the next start
        }
        return result;
    }

    /**
     * A PostgreSQL postmaster still serving {@code pgData} (its {@code postmaster.pid}): fast shutdown (SIGINT), then
     * SIGKILL after 30 s; returns once it and its backends are gone, so the server can be started again.
     */
    public static Optional<String> reclaimPostgres(Path pgData) {
        Path data = pgData.toAbsolutePath().normalize();
        Optional<Long> pid = readPid(data.resolve("postmaster.pid"));
        if (pid.isEmpty() || !ProcessControl.isAlive(pid.get())) {
            return Optional.empty();
        }
        boolean ours = ProcessControl.workingDirectory(pid.get()).map(d -> d.normalize().equals(data)).orElse(false)
                || ProcessControl.commandLine(pid.get()).contains(data.toString());
        if (!ours || !ProcessControl.commandLine(pid.get()).contains("postgres")) {
            return Optional.empty();
        }
        announce("PostgreSQL", pid.get());
        ProcessControl.terminate(pid.get(), "INT", 30);
        return Optional.of("PostgreSQL (pid " + pid.get() + ")");
    }

    private static void announce(String name, long pid) {
        System.out.println("发现本数据目录遗留的 " + name + " (pid " + pid + ")，正在停止 / found a stale " + name + " (pid " + pid
                + ") of this data folder, stopping it");
    }

    static Optional<Long> readPid(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void writePid(Path file, long pid) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("cannot write " + file + ": " + e.getMessage());
        }
    }
}
