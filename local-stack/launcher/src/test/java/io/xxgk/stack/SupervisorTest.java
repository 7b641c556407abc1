package io.xxgk.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./run.sh's supervisor: a server that crashes comes back by itself; one stopped on purpose stays down. */
class SupervisorTest {

    @Test
    void aSigkilledServerIsRestartedOnItsPortAndADeliberatelyStoppedOneIsNot(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        ObjectStoreServer s3 = new ObjectStoreServer(dir.resolve("s3"), port, StackPaths.fromBuild().s3proxyLib()).start();
        PrintStream stdout = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setOut(new PrintStream(tee(stdout, log), true, StandardCharsets.UTF_8));
        try (Supervisor supervisor = new Supervisor().watch(s3.supervised()).start()) {
            long first = s3.process().pid();
            ProcessControl.signal(first, "KILL");
            // the port opens a moment before the supervisor counts the restart as done: wait for both
            awaitTrue(() -> s3.isRunning() && s3.process().pid() != first && Ports.isOpen(port) && supervisor.restarts() >= 1,
                    Duration.ofSeconds(60));
            assertNotEquals(first, s3.process().pid());
            assertEquals(1, supervisor.restarts());
            String text;
            synchronized (log) {
                text = log.toString(StandardCharsets.UTF_8);
            }
            assertTrue(text.contains("s3proxy 已退出 (exit code 137)") && text.contains("s3proxy exited (exit code 137); restart attempt 1 in 1 s"),
                    text);

            s3.close();
            Thread.sleep(3000);
            assertFalse(s3.isRunning(), "stopped on purpose: not restarted");
            assertEquals(1, supervisor.restarts());
        } finally {
            System.setOut(stdout);
            s3.close();
        }
    }

    @Test
    void backoffDoublesUpToAMinute() {
        Supervisor s = new Supervisor();
        assertEquals(Duration.ofSeconds(1), s.backoff(0));
        assertEquals(Duration.ofSeconds(2), s.backoff(1));
        assertEquals(Duration.ofSeconds(32), s.backoff(5));
        assertEquals(Duration.ofSeconds(60), s.backoff(6));
        assertEquals(Duration.ofSeconds(60), s.backoff(40));
    }

    private static java.io.OutputStream tee(java.io.OutputStream a, java.io.OutputStream b) {
        return new java.io.OutputStream() {
            @Override
            public void write(int x) throws java.io.IOException {
                a.write(x);
                synchronized (b) {
                    b.write(x);
                }
            }

            @Override
            public void write(byte[] buf, int off, int len) throws java.io.IOException {
                a.write(buf, off, len);
                synchronized (b) {
                    b.write(buf, off, len);
                }
            }
        };
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + timeout);
    }
}
