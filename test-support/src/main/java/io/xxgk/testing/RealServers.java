package io.xxgk.testing;

import io.xxgk.stack.LocalStack;
import io.xxgk.stack.StackPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real PostgreSQL + Kafka + S3 stack per test JVM (i.e. per module run), on free ports in a temporary
 * folder, stopped and deleted when the JVM exits.
 */
public final class RealServers {

    private static LocalStack stack;

    private RealServers() {
    }

    public static synchronized LocalStack stack() {
        if (stack == null) {
            try {
                Path dir = Files.createTempDirectory("xxgk-test-stack-");
                LocalStack started = new LocalStack(LocalStack.Settings.ephemeral(dir), StackPaths.fromBuild()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteQuietly(dir);
                }, "xxgk-test-stack-stop"));
                stack = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp folder; the OS cleans it eventually
        }
    }
}
