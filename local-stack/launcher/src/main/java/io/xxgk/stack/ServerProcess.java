package io.xxgk.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server running as a child process, its output in a log file; stopped with its descendants. */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Path logFile;
    private final Process process;
    private final Path pidFile;

    private ServerProcess(String name, Path logFile, Process process, Path pidFile) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.pidFile = pidFile;
    }

    public static ServerProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile) {
        return start(name, command, env, workDir, logFile, null);
    }

    /**
     * {@code pidFile}: where the pid is written, so that the next launcher of the same data folder can stop this
     * server if this launcher dies without doing so (see {@link StaleServers}); a stale server of that file is
     * stopped first.
     */
    public static ServerProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logFile,
                                      Path pidFile) {
        if (pidFile != null) {
            StaleServers.reclaimPidFile(pidFile, StaleServers.marker(pidFile.getParent().getParent()));
        }
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            pb.environment().putAll(env);
            Process process = pb.start();
            if (pidFile != null) {
                StaleServers.writePid(pidFile, process.pid());
            }
            return new ServerProcess(name, logFile, process, pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The java executable of the running JVM, so children use the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static List<String> javaCommand(List<String> jvmArgs, String classpath, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.add("-Dfile.encoding=UTF-8");
        // the child stops itself when this JVM disappears, even by SIGKILL
        cmd.add("-javaagent:" + parentWatchJar() + "=" + ProcessHandle.current().pid());
        cmd.addAll(jvmArgs);
        if (classpath != null) {
            cmd.add("-cp");
            cmd.add(classpath);
        }
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    private static Path parentWatchJar;

    /** A jar holding only {@link ParentWatch}, written once into the temporary folder (named by its content). */
    static synchronized Path parentWatchJar() {
        if (parentWatchJar != null && Files.isRegularFile(parentWatchJar)) {
            return parentWatchJar;
        }
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        try (java.io.InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException(entry + " not on the class path");
            }
            byte[] bytes = in.readAllBytes();
            String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
            Path jar = Path.of(System.getProperty("java.io.tmpdir"), "xxgk-parent-watch-" + hash + ".jar");
            if (!Files.isRegularFile(jar)) {
                java.util.jar.Manifest manifest = new java.util.jar.Manifest();
                manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
                manifest.getMainAttributes().putValue("Premain-Class", ParentWatch.class.getName());
                Path tmp = Files.createTempFile(jar.getParent(), "xxgk-parent-watch-", ".tmp");
                try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(tmp), manifest)) {
                    out.putNextEntry(new java.util.jar.JarEntry(entry));
                    out.write(bytes);
                    out.closeEntry();
                }
                Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            parentWatchJar = jar;
            return jar;
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot write the parent-watch agent: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Resident memory of the process in KiB, read from /proc (Linux); -1 where unknown. */
    public long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Graceful stop (SIGTERM), then SIGKILL after {@code graceSeconds}; descendants too. */
    public void stop(int graceSeconds) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deletePidFile();
    }

    private void deletePidFile() {
        if (pidFile != null) {
            try {
                // only if it is still ours: a restarted server may have written its own
                if (StaleServers.readPid(pidFile).map(p -> p == process.pid()).orElse(false)) {
                    Files.deleteIfExists(pidFile);
                }
            } catch (IOException e) {
                // harmless
            }
        }
    }

    /** Simulates a crash: SIGKILL, no shutdown hooks run. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(20);
    }
}
