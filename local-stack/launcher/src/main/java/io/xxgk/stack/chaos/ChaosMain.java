package io.xxgk.stack.chaos;

import io.xxgk.stack.LocalStack;
import io.xxgk.stack.Pipeline;
import io.xxgk.stack.StackPaths;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * bench/chaos.sh: a fresh stack on free ports in {@code CHAOS_DATA_DIR}, one {@link ChaosRun} with the
 * {@code CHAOS_*} settings (environment, or {@code --CHAOS_ITEMS=3000} arguments), progress on stderr and exactly one
 * line on stdout: {@code CHAOS accepted=... lost=... duplicated=... dead_lettered=... stalled_s=...}.
 * Exit code 0 when nothing was lost, duplicated or dead-lettered and the pipeline drained, 1 otherwise.
 */
public final class ChaosMain {

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String a : args) {
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2) {
                env.put(a.substring(2, eq), a.substring(eq + 1));
            }
        }
        // stdout carries the one summary line; everything else (servers, supervisor, progress) goes to stderr
        java.io.PrintStream summary = System.out;
        System.setOut(System.err);
        ChaosConfig config = ChaosConfig.from(env);
        Path data = Path.of(env.getOrDefault("CHAOS_DATA_DIR", ".bench/chaos-" + System.currentTimeMillis()))
                .toAbsolutePath().normalize();
        Files.createDirectories(data);
        String admin = "chaos-admin-" + UUID.randomUUID();
        StackPaths paths = StackPaths.fromBuild();
        System.err.println("chaos: " + config + "; data and logs in " + data);
        LocalStack stack = new LocalStack(LocalStack.Settings.ephemeral(data), paths);
        Pipeline pipeline = new Pipeline(stack, paths, data.resolve("logs"), Pipeline.ServicePorts.ephemeral(),
                Map.of("xxgk.admin-token", admin));
        Thread stop = new Thread(() -> {
            pipeline.close();
            stack.close();
        }, "chaos-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        stack.start();
        pipeline.start();
        ChaosReport report = new ChaosRun(stack, pipeline, admin, config).run();
        System.err.println(report.describe());
        summary.println(report.line());
        summary.flush();
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }
}
