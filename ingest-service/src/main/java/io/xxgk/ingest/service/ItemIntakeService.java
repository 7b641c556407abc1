package io.xxgk.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.ingest.config.IngestConfig;
import io.xxgk.ingest.event.OutboxWriter;
import io.xxgk.ingest.repository.ChunkInserts;
import io.xxgk.ingest.repository.Item;
import io.xxgk.ingest.repository.ItemRevision;
import io.xxgk.ingest.repository.ItemStatus;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.security.ApiKeys;
import io.xxgk.ingest.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Accepts items, revisions (更正) and withdrawals (撤回): validates, checks who may write, and in one database
 * transaction stores the item, its revision history and the outbox event. When a method returns, what it
 * accepted cannot be lost.
 */
@ApplicationScoped
public class ItemIntakeService {

    static final int MAX_REASON_BYTES = 2000;

    private final ItemValidator validator;
    private final OutboxWriter outbox;
    private final AttachmentService attachments;
    private final ItemEvents events;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final IngestConfig config;
    private final ChunkInserts inserts;

    public ItemIntakeService(ItemValidator validator, OutboxWriter outbox, AttachmentService attachments, ItemEvents events,
                             Clock clock, MeterRegistry metrics, IngestConfig config, ChunkInserts inserts) {
        this.config = config;
        this.inserts = inserts;
        this.events = events;
        this.validator = validator;
        this.outbox = outbox;
        this.attachments = attachments;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Outcome of a write; {@code replayed} when the same content had been accepted before. */
    public record Accepted(String schoolCode, String itemId, int revision, ItemStatus status, boolean replayed) {
    }

    // a new item (POST) is stored by GroupCommit, a batch by BatchIntake: both through store()

    /** 更正: a new revision with new content. Posting the current content again changes nothing. */
    public Accepted revise(Caller caller, String itemId, ItemRequest request) {
        if (request != null && request.id() != null && !request.id().equals(itemId)) {
            throw ProblemException.invalid(List.of(new FieldError("id", "mismatch",
                    "id in the body differs from the id in the path", "请求体中的 id 与路径中的 id 不一致")));
        }
        ItemRequest r = request == null ? null : request.withId(itemId);
        check(caller, r);
        String hash = contentHash(r);
        return inTransactionRetryingIdRace(() -> {
            Item item = lockExisting(r.schoolCode(), itemId);
            if (caller.department() != null && !caller.department().equals(item.department)) {
                reject("forbidden");
                throw ProblemException.forbidden("此事项由" + item.department + "发布，不能由其他部门更正 / only the posting department ('"
                        + item.department + "') may revise item '" + itemId + "'");
            }
            if (ItemStatus.WITHDRAWN.name().equals(item.status)) {
                throw ProblemException.conflict("事项 " + itemId + " 已撤回，不能更正 / item '" + itemId + "' was withdrawn; submit a new item");
            }
            if (item.contentHash.equals(hash)) {
                return new Accepted(item.schoolCode, item.itemId, item.revision, ItemStatus.valueOf(item.status), true);
            }
            return append(item, events.submitted(r, item.revision + 1, ItemAction.REVISE, clock.instant()), hash);
        });
    }

    /** 撤回: leaves public view, stays in the history. Withdrawing twice answers the first withdrawal. */
    public Accepted withdraw(Caller caller, String schoolCode, String itemId, String reason) {
        ItemValidator.requireItemId(itemId);
        TextRules.require("reason", reason, MAX_REASON_BYTES);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid(List.of(new FieldError("reason", "required", "a withdrawal needs its reason",
                    "撤回必须说明理由")));
        }
        String school = schoolCode != null ? schoolCode : caller.schoolCode();
        if (school == null || !caller.mayWriteFor(school)) {
            throw notFound(itemId);
        }
        return inTransactionRetryingIdRace(() -> {
            Item item = lockExisting(school, itemId);
            if (caller.department() != null && !caller.department().equals(item.department)) {
                throw ProblemException.forbidden("此事项由" + item.department + "发布，不能由其他部门撤回 / only the posting department may withdraw it");
            }
            if (ItemStatus.WITHDRAWN.name().equals(item.status)) {
                return new Accepted(item.schoolCode, item.itemId, item.revision, ItemStatus.WITHDRAWN, true);
            }
            ItemSubmitted last = EventCodec.decode(latestRevision(item).event, ItemSubmitted.class);
            ItemSubmitted withdrawal = ItemEvents.withdrawal(last, item.revision + 1, reason.strip(), clock.instant());
            Accepted a = append(item, withdrawal, item.contentHash);
            item.status = ItemStatus.WITHDRAWN.name();
            item.statusNote = null;
            return new Accepted(a.schoolCode(), a.itemId(), a.revision(), ItemStatus.WITHDRAWN, false);
        });
    }

    public List<ItemRevision> history(String schoolCode, String itemId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ItemRevision.list("schoolCode = ?1 and itemId = ?2 order by revision", schoolCode, itemId));
    }

    void check(Caller caller, ItemRequest request) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            reject("validation");
            throw ProblemException.invalid(errors);
        }
        authorize(caller, request);
        if (request.attachments() != null) {
            List<FieldError> missing = attachments.checkAllExist(request.schoolCode(), request.attachments());
            if (!missing.isEmpty()) {
                reject("validation");
                throw ProblemException.invalid(missing);
            }
        }
    }

    /**
     * Writes what the items stored in this transaction queued: the item rows (Hibernate, batched), then their revisions
     * and outbox rows (one JDBC batch each). Called once at the end of every transaction that stores items, so that
     * the database's refusal arrives there rather than at commit.
     */
    void flush() {
        inserts.flush();
    }

    /** Stores one item inside the caller's transaction; written by {@link #flush()}. */
    Accepted store(ItemRequest r, String hash) {
        return store(r, hash, true);
    }

    /**
     * @param mayExist false if this transaction has just seen that the id is new: the row lock is skipped (there is no
     *                 row to lock; a concurrent insert of the same id fails this transaction with a unique violation)
     */
    Accepted store(ItemRequest r, String hash, boolean mayExist) {
        Item existing = mayExist ? Item.findById(new Item.Key(r.schoolCode(), r.id()), LockModeType.PESSIMISTIC_WRITE) : null;
        if (existing != null) {
            ItemRevision first = ItemRevision.find("schoolCode = ?1 and itemId = ?2 and revision = 1",
                    existing.schoolCode, existing.itemId).firstResult();
            if (existing.contentHash.equals(hash) || (first != null && hash.equals(first.contentHash))) {
                return new Accepted(existing.schoolCode, existing.itemId, 1, ItemStatus.ACCEPTED, true);
            }
            reject("conflict");
            throw ProblemException.conflict("编号 " + r.id() + " 已用于另一条内容不同的事项；更正请使用 PUT /api/v1/items/" + r.id()
                    + " / id '" + r.id() + "' was already used for different content; PUT a revision to change an item");
        }
        Instant now = clock.instant();
        Item item = new Item();
        item.schoolCode = r.schoolCode();
        item.itemId = r.id();
        item.revision = 0;
        item.createdAt = now;
        return append(item, events.submitted(r, 1, ItemAction.SUBMIT, now), hash);
    }

    /** Records a new revision of {@code item} and queues its event (both written by {@link #flush()}). */
    private Accepted append(Item item, ItemSubmitted event, String hash) {
        String encoded = EventCodec.encode(event);
        requireEventFits(encoded, event);
        item.revision = event.revision();
        item.status = ItemStatus.ACCEPTED.name();
        item.statusNote = null; // a new revision starts afresh (a 退回 note belonged to the previous one)
        item.department = event.department();
        item.title = event.title();
        item.contentHash = hash;
        item.updatedAt = event.submittedAt();
        item.persist();
        inserts.add(new ChunkInserts.RevisionRow(item.schoolCode, item.itemId, event.revision(), event.action().name(), encoded,
                hash, event.submittedAt()));
        outbox.append(event);
        return new Accepted(item.schoolCode, item.itemId, event.revision(), ItemStatus.ACCEPTED, false);
    }

    /**
     * The encoded event must fit in one Kafka record (JSON escapes some characters up to sixfold, so field limits
     * alone do not bound it): refused here, it can never block the outbox.
     */
    private void requireEventFits(String encoded, ItemSubmitted event) {
        long bytes = TextRules.utf8Length(encoded);
        int max = config.events().maxBytes();
        if (bytes <= max) {
            return;
        }
        String field = event.action() == ItemAction.WITHDRAW ? "reason"
                : event.body() != null && TextRules.utf8Length(EventCodec.encode(event.body())) > max / 2 ? "body" : "$";
        reject("validation");
        throw ProblemException.invalid(List.of(new FieldError(field, "event-too-large",
                "the item's event would be " + bytes + " bytes once encoded as JSON; at most " + max
                        + " (control characters and quotes count several times); shorten " + field + " or upload it as an attachment",
                "事项编码为 JSON 后为 " + bytes + " 字节，超过上限 " + max + " 字节（控制字符、引号等会被转义成多个字节），请缩短 " + field
                        + " 或以附件形式上传")));
    }

    private Item lockExisting(String school, String itemId) {
        Item item = Item.findById(new Item.Key(school, itemId), LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw notFound(itemId);
        }
        return item;
    }

    private static ItemRevision latestRevision(Item item) {
        return ItemRevision.find("schoolCode = ?1 and itemId = ?2 and revision = ?3",
                item.schoolCode, item.itemId, item.revision).firstResult();
    }

    static ProblemException notFound(String itemId) {
        return ProblemException.notFound("没有编号为 " + itemId + " 的事项 / no item '" + itemId + "'");
    }

    private void authorize(Caller caller, ItemRequest r) {
        if (!caller.mayWriteFor(r.schoolCode())) {
            reject("forbidden");
            throw ProblemException.forbidden("此 API key 只能为本校提交信息 / this API key may only write for its own school"
                    + (caller.schoolCode() == null ? "" : " (" + caller.schoolCode() + ")"));
        }
        if (caller.department() != null && !caller.department().equals(r.department().strip())) {
            reject("forbidden");
            throw ProblemException.forbidden("此 API key 属于" + caller.department() + "，不能以" + r.department()
                    + "名义提交 / this API key belongs to department '" + caller.department() + "'");
        }
    }

    /**
     * Runs {@code work} in a new transaction and flushes it, once more if it lost a race for a new id (unique
     * violation): not a retry of transient failures, which reach the caller as 503.
     */
    Accepted inTransactionRetryingIdRace(Supplier<Accepted> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                Accepted a = QuarkusTransaction.requiringNew().call(() -> {
                    Accepted done = work.get();
                    flush();
                    return done;
                });
                count(List.of(a));
                return a;
            } catch (PersistenceException e) {
                // two requests with the same new id raced; the loser sees the winner's row on retry
                if (attempt == 0 && isUniqueViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    void count(List<Accepted> accepted) {
        for (Accepted a : accepted) {
            metrics.counter("xxgk.items.accepted", "replayed", Boolean.toString(a.replayed())).increment();
        }
    }

    private void reject(String reason) {
        metrics.counter("xxgk.items.rejected", "reason", reason).increment();
    }

    static String contentHash(ItemRequest r) {
        // canonical form: the request as JSON with its fields in declaration order
        return ApiKeys.sha256(EventCodec.encode(r));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && Objects.equals("23505", c.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
