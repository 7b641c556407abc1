package io.xxgk.bench;

import io.xxgk.stack.KafkaBroker;
import io.xxgk.stack.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own producer benchmark (org.apache.kafka.tools.ProducerPerformance from kafka-tools) against the same broker,
 * as a separate JVM, with records of the pipeline's event size and acks=all: what the broker alone can take on
 * this machine.
 */
final class ProducerBaseline {

    static final String TOPIC = "bench-perf";
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency"
                    + "(?:, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th)?");

    record Result(long records, double recordsPerSec, double mbPerSec, double avgLatencyMs, double maxLatencyMs,
                  String p50, String p99, String summaryLine, Path log) {
    }

    private ProducerBaseline() {
    }

    static Result run(KafkaBroker kafka, Path kafkaLib, int records, int recordSize, Path logDir,
                      java.util.function.Consumer<ServerProcess> register) {
        kafka.createTopics(Map.of(TOPIC, KafkaWatch.PARTITIONS));
        Path log = logDir.resolve("producer-performance.log");
        ServerProcess p = ServerProcess.start("producer-performance",
                ServerProcess.javaCommand(List.of("-Xms256m", "-Xmx256m"), kafkaLib + "/*", "org.apache.kafka.tools.ProducerPerformance",
                        List.of("--bootstrap-server", kafka.bootstrapServers(), "--topic", TOPIC,
                                "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
                                "--throughput", "-1", "--command-property", "acks=all")),
                Map.of(), logDir, log);
        register.accept(p);
        long deadline = System.nanoTime() + 240L * 1_000_000_000L;
        while (p.isAlive()) {
            if (System.nanoTime() > deadline) {
                p.kill();
                throw new IllegalStateException("ProducerPerformance did not finish within 240 s; see " + log);
            }
            KafkaWatch.sleep(200);
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                Matcher m = SUMMARY.matcher(lines.get(i));
                if (m.find() && Long.parseLong(m.group(1)) == records) {
                    return new Result(records, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                            Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), m.group(6), m.group(8),
                            lines.get(i).strip(), log);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
        throw new IllegalStateException("ProducerPerformance (exit " + p.exitCode() + ") printed no final summary; see " + log);
    }
}
