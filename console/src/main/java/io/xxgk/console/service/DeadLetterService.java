package io.xxgk.console.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.console.kafka.DeadLetter;
import io.xxgk.console.kafka.DeadLetterTopic;
import io.xxgk.console.kafka.KafkaUnavailableException;
import io.xxgk.console.repository.ConsoleRole;
import io.xxgk.console.repository.DeadLetterReplay;
import io.xxgk.console.security.ConsoleUser;
import io.xxgk.contract.Topics;
import io.xxgk.contract.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Browsing and replaying the dead-letter topic. A replay goes to the dead letter's original topic (one of the
 * pipeline's own topics) and is recorded in the console's database before it is sent and with its result after.
 * The payload may hold personal data: it is shown to operators only, cut short.
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);
    public static final int PAGE_SIZE = 20;
    public static final int PAYLOAD_CHARS = 600;
    /** Topics a dead letter may be replayed to: the ones the services consume. */
    static final Set<String> REPLAYABLE = Set.of(Topics.ITEMS_SUBMITTED, Topics.ITEMS_CLASSIFIED, Topics.REQUESTS);

    public record Replayed(String by, String byName, Instant at) {
    }

    public record LetterView(String id, int partition, long offset, Instant at, String reason, String originalTopic,
                             Integer originalPartition, Long originalOffset, String consumer, String key, String payload,
                             boolean payloadCut, boolean replayable, List<Replayed> replays, String earlierReplayBy,
                             Instant earlierReplayAt) {
        public boolean isReplayed() {
            return !replays.isEmpty();
        }
    }

    public record Browse(long total, int page, int pageSize, boolean hasNext, List<LetterView> letters,
                         List<DeadLetterReplay> replays, String unavailable) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }

    /** The result of asking for a replay: done (with its log row), or the dead letter was replayed before. */
    public record ReplayOutcome(LetterView letter, DeadLetterReplay replay, boolean needsConfirmation) {

        /** Whether the broker took the replayed record. */
        public boolean sent() {
            return replay != null && replay.result == DeadLetterReplay.Result.SENT;
        }

        /** Why the replay failed (null when sent). */
        public String error() {
            return replay == null ? null : replay.error;
        }

    }

    public record ReplayAllOutcome(int sent, int failed, int skippedReplayed, int skippedNotReplayable) {
    }

    private final DeadLetterTopic topic;

    public DeadLetterService(DeadLetterTopic topic) {
        this.topic = topic;
    }

    public Browse browse(ConsoleUser user, int page) {
        int p = Math.max(0, page);
        List<DeadLetterReplay> log = QuarkusTransaction.requiringNew().call(() -> DeadLetterReplay.latest(50));
        try {
            DeadLetterTopic.Page found = topic.newestFirst(p * PAGE_SIZE, PAGE_SIZE);
            Map<String, List<Replayed>> replays = sentReplays(found.letters());
            List<LetterView> views = found.letters().stream().map(l -> view(user, l, replays.getOrDefault(l.id(), List.of()))).toList();
            return new Browse(found.total(), p, PAGE_SIZE, (long) (p + 1) * PAGE_SIZE < found.total()
                    && (p + 1) * PAGE_SIZE < DeadLetterTopic.MAX_READ_PER_PARTITION, views, log, null);
        } catch (KafkaUnavailableException e) {
            LOG.warnf("dead letters: %s", e.getMessage());
            return new Browse(0, p, PAGE_SIZE, false, List.of(), log, "Kafka 暂不可用 / Kafka is unavailable");
        }
    }

    /**
     * Replays one dead letter. One that was replayed before is replayed again only with {@code confirmed}; otherwise
     * the outcome asks for a confirmation and nothing is sent.
     */
    public ReplayOutcome replay(ConsoleUser user, int partition, long offset, boolean confirmed) {
        DeadLetter letter = find(partition, offset);
        List<Replayed> before = sentReplays(List.of(letter)).getOrDefault(letter.id(), List.of());
        LetterView view = view(user, letter, before);
        if (!view.replayable()) {
            throw new ProblemException(409, "not-replayable", "这条死信不能重放 / this dead letter cannot be replayed",
                    "原主题 " + letter.originalTopic() + " 不是本系统消费的主题 / its original topic is not one the services consume", List.of());
        }
        if (!before.isEmpty() && !confirmed) {
            return new ReplayOutcome(view, null, true);
        }
        return new ReplayOutcome(view, send(user, letter), false);
    }

    /** Replays every dead letter on the topic that was not replayed before and has a replayable original topic. */
    public ReplayAllOutcome replayAll(ConsoleUser user) {
        List<DeadLetter> letters = kafka(topic::all);
        Map<String, List<Replayed>> before = sentReplays(letters);
        int sent = 0;
        int failed = 0;
        int replayed = 0;
        int notReplayable = 0;
        for (DeadLetter l : letters) {
            if (!REPLAYABLE.contains(l.originalTopic())) {
                notReplayable++;
            } else if (before.containsKey(l.id())) {
                replayed++;
            } else if (send(user, l).result == DeadLetterReplay.Result.SENT) {
                sent++;
            } else {
                failed++;
            }
        }
        return new ReplayAllOutcome(sent, failed, replayed, notReplayable);
    }

    public LetterView letter(ConsoleUser user, int partition, long offset) {
        DeadLetter letter = find(partition, offset);
        return view(user, letter, sentReplays(List.of(letter)).getOrDefault(letter.id(), List.of()));
    }

    private DeadLetter find(int partition, long offset) {
        return kafka(() -> topic.find(partition, offset)).orElseThrow(() -> ProblemException.notFound(
                "死信主题上没有这条记录 / no dead letter at " + partition + "-" + offset));
    }

    private DeadLetterReplay send(ConsoleUser user, DeadLetter letter) {
        Instant at = Instant.now();
        Long id = QuarkusTransaction.requiringNew().call(() -> {
            DeadLetterReplay r = new DeadLetterReplay();
            r.dlqTopic = Topics.DEAD_LETTER;
            r.dlqPartition = letter.partition();
            r.dlqOffset = letter.offset();
            r.originalTopic = letter.originalTopic();
            r.originalPartition = letter.originalPartition();
            r.originalOffset = letter.originalOffset();
            r.messageKey = DeadLetterReplay.cut(letter.keyText(), 255);
            r.reason = DeadLetterReplay.cut(letter.reason(), 500);
            r.replayedBy = user.username();
            r.replayedByName = user.displayName();
            r.requestedAt = at;
            r.result = DeadLetterReplay.Result.PENDING;
            r.persist();
            return r.id;
        });
        RecordMetadata sent = null;
        String error = null;
        try {
            sent = topic.replay(letter, user.username(), at);
            LOG.infof("%s replayed dead letter %s to %s-%d@%d", user.username(), letter.id(), sent.topic(), sent.partition(), sent.offset());
        } catch (KafkaUnavailableException e) {
            error = e.getMessage();
            LOG.warnf("%s: replay of dead letter %s failed: %s", user.username(), letter.id(), error);
        }
        RecordMetadata result = sent;
        String failure = error;
        return QuarkusTransaction.requiringNew().call(() -> {
            DeadLetterReplay r = DeadLetterReplay.findById(id);
            r.result = result != null ? DeadLetterReplay.Result.SENT : DeadLetterReplay.Result.FAILED;
            r.targetPartition = result == null ? null : result.partition();
            r.targetOffset = result == null ? null : result.offset();
            r.error = DeadLetterReplay.cut(failure, 1000);
            r.finishedAt = Instant.now();
            return r;
        });
    }

    private static Map<String, List<Replayed>> sentReplays(List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return Map.of();
        }
        Set<Integer> partitions = new java.util.HashSet<>();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (DeadLetter l : letters) {
            partitions.add(l.partition());
            min = Math.min(min, l.offset());
            max = Math.max(max, l.offset());
        }
        long lo = min;
        long hi = max;
        List<DeadLetterReplay> rows = QuarkusTransaction.requiringNew().call(() -> DeadLetterReplay.sentOf(Topics.DEAD_LETTER, partitions, lo, hi));
        Map<String, List<Replayed>> byLetter = new HashMap<>();
        for (DeadLetterReplay r : rows) {
            byLetter.computeIfAbsent(r.letterId(), k -> new ArrayList<>()).add(new Replayed(r.replayedBy, r.replayedByName, r.requestedAt));
        }
        return byLetter;
    }

    private static LetterView view(ConsoleUser user, DeadLetter l, List<Replayed> replays) {
        String payload = null;
        boolean cut = false;
        if (user.is(ConsoleRole.OPERATOR)) {
            String text = l.valueText();
            cut = text.codePointCount(0, text.length()) > PAYLOAD_CHARS;
            payload = cut ? text.substring(0, text.offsetByCodePoints(0, PAYLOAD_CHARS)) : text;
        }
        return new LetterView(l.id(), l.partition(), l.offset(), l.at(), l.reason(), l.originalTopic(), l.originalPartition(),
                l.originalOffset(), l.consumer(), l.keyText(), payload, cut, REPLAYABLE.contains(l.originalTopic()), replays,
                l.replayedBy(), l.replayedAt());
    }

    private static <T> T kafka(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KafkaUnavailableException e) {
            throw new ProblemException(503, "kafka-unavailable", "Kafka 暂不可用 / Kafka is unavailable",
                    "请稍后重试 / try again later", List.of()).retryAfter(30);
        }
    }
}
