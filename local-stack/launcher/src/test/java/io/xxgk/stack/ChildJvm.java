package io.xxgk.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mains run in separate JVMs by the tests: a launcher that can be SIGKILLed, and a process that just sleeps.
 * {@code hold-postgres <dir> <port>}: starts PostgreSQL, creates database "kept", prints READY and waits.
 * {@code hold-sleeper <dataDir>}: starts a {@link #sleep} child through {@link ServerProcess}, prints its pid, waits.
 * {@code sleep [marker]}: sleeps for ever.
 */
public final class ChildJvm {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "hold-postgres" -> {
                PostgresServer pg = new PostgresServer(Path.of(args[1]), Integer.parseInt(args[2]), false).start();
                pg.ensureDatabase("kept");
                System.out.println("READY " + pg.pid());
            }
            case "hold-sleeper" -> {
                Path data = Path.of(args[1]);
                ServerProcess p = ServerProcess.start("sleeper", sleeperCommand(StaleServers.marker(data)), java.util.Map.of(),
                        data, data.resolve("logs/sleeper.log"), StaleServers.pidFile(data, "sleeper"));
                System.out.println("READY " + p.pid());
            }
            case "sleep" -> {
                // nothing
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static List<String> sleeperCommand(String marker) {
        return ServerProcess.javaCommand(List.of("-Xmx32m"), classPath(), ChildJvm.class.getName(),
                List.of("sleep", marker));
    }

    /** This JVM's class path with absolute entries (the children run in other folders). */
    static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Starts {@code ChildJvm args} and waits for its "READY <pid>" line; returns the process and that pid. */
    record Started(Process process, long pid) {
    }

    static Started start(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ServerProcess.javaExecutable(), "-Xmx128m", "-cp",
                classPath(), ChildJvm.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new Started(p, Long.parseLong(line.substring(6).trim()));
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("child did not get ready:\n" + seen);
    }
}
