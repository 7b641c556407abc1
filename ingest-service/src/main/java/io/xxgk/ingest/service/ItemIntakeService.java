package io.xxgk.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.ingest.event.OutboxWriter;
import io.xxgk.ingest.repository.ItemRecord;
import io.xxgk.ingest.repository.ItemRevisionRecord;
import io.xxgk.ingest.rest.ItemRequest;
import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.ingest.rest.ProblemException;
import io.xxgk.ingest.security.ApiKeys;
import io.xxgk.ingest.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Accepts items: validates, checks who may write, and in one database transaction stores the item, its
 * revision history and the outbox event. When this returns, the item cannot be lost.
 */
@ApplicationScoped
public class ItemIntakeService {

    private final ItemValidator validator;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final MeterRegistry metrics;

    public ItemIntakeService(ItemValidator validator, OutboxWriter outbox, Clock clock, MeterRegistry metrics) {
        this.validator = validator;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Outcome of a submission; {@code replayed} when the same id and content had been accepted before. */
    public record Accepted(String schoolCode, String itemId, int revision, ItemStatus status, boolean replayed) {
    }

    public Accepted submit(Caller caller, ItemRequest request) {
        List<FieldError> errors = validator.validate(request);
        if (!errors.isEmpty()) {
            reject("validation");
            throw ProblemException.invalid(errors);
        }
        authorize(caller, request);
        String hash = contentHash(request);
        for (int attempt = 0; ; attempt++) {
            try {
                Accepted accepted = QuarkusTransaction.requiringNew().call(() -> store(request, hash));
                metrics.counter("xxgk.items.accepted", "replayed", Boolean.toString(accepted.replayed())).increment();
                return accepted;
            } catch (PersistenceException e) {
                // two requests with the same new id raced; the loser sees the winner's row on retry
                if (attempt == 0 && isUniqueViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private Accepted store(ItemRequest r, String hash) {
        ItemRecord existing = ItemRecord.findById(new ItemRecord.Key(r.schoolCode(), r.id()), LockModeType.PESSIMISTIC_WRITE);
        if (existing != null) {
            if (existing.contentHash.equals(hash)) {
                return new Accepted(existing.schoolCode, existing.itemId, existing.revision, ItemStatus.valueOf(existing.status), true);
            }
            reject("conflict");
            throw ProblemException.conflict("编号 " + r.id() + " 已用于另一条内容不同的事项；更正请使用修订接口 / id '" + r.id()
                    + "' was already used for different content; post a revision to change an item");
        }
        Instant now = clock.instant();
        ItemSubmitted event = toEvent(r, 1, ItemAction.SUBMIT, now);
        ItemRecord item = new ItemRecord();
        item.schoolCode = r.schoolCode();
        item.itemId = r.id();
        item.revision = 1;
        item.status = ItemStatus.ACCEPTED.name();
        item.department = r.department().strip();
        item.title = r.title().strip();
        item.contentHash = hash;
        item.createdAt = now;
        item.updatedAt = now;
        item.persist();
        ItemRevisionRecord revision = new ItemRevisionRecord();
        revision.schoolCode = item.schoolCode;
        revision.itemId = item.itemId;
        revision.revision = 1;
        revision.action = ItemAction.SUBMIT.name();
        revision.event = EventCodec.encode(event);
        revision.createdAt = now;
        revision.persist();
        outbox.append(event);
        return new Accepted(item.schoolCode, item.itemId, 1, ItemStatus.ACCEPTED, false);
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

    private void reject(String reason) {
        metrics.counter("xxgk.items.rejected", "reason", reason).increment();
    }

    ItemSubmitted toEvent(ItemRequest r, int revision, ItemAction action, Instant now) {
        ItemKind kind = r.kind() == null ? ItemKind.OTHER : ItemValidator.parseEnum(ItemKind.class, r.kind());
        List<Channel> channels = r.channels() == null || r.channels().isEmpty()
                ? List.of(Channel.WEBSITE)
                : r.channels().stream().map(c -> ItemValidator.parseEnum(Channel.class, c)).distinct().toList();
        LocalDate produced = r.producedDate() == null || r.producedDate().isBlank()
                ? LocalDate.ofInstant(now, ItemValidator.CHINA) : LocalDate.parse(r.producedDate().strip());
        LocalDate published = r.publishedDate() == null || r.publishedDate().isBlank() ? null : LocalDate.parse(r.publishedDate().strip());
        boolean withheld = Boolean.TRUE.equals(r.withheld());
        return new ItemSubmitted(ItemSubmitted.SCHEMA_VERSION, r.id(), revision, action, r.schoolCode(), r.department().strip(),
                r.title().strip(), r.body(), kind, produced, published, channels, blankToNull(r.sourceUrl()), r.checklistHint(),
                withheld, withheld ? ItemValidator.parseEnum(WithholdReason.class, r.withholdReason()).name() : null, null,
                List.of(), now);
    }

    static String contentHash(ItemRequest r) {
        // canonical form: the request as JSON with its fields in declaration order
        return ApiKeys.sha256(EventCodec.encode(r));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
