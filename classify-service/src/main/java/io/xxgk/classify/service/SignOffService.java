package io.xxgk.classify.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.model.ChecklistClassifier;
import io.xxgk.classify.repository.Correction;
import io.xxgk.classify.repository.SignOffStepEntity;
import io.xxgk.classify.repository.StoredDecision;
import io.xxgk.classify.screening.Finding;
import io.xxgk.classify.screening.PersonalDataScreener;
import io.xxgk.classify.screening.ScreeningResult;
import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Decision;
import io.xxgk.contract.event.EventCodec;
import io.xxgk.contract.event.ItemClassified;
import io.xxgk.contract.event.ItemSubmitted;
import io.xxgk.contract.event.SignOff;
import io.xxgk.contract.event.SignOffAction;
import io.xxgk.contract.event.SignOffMode;
import io.xxgk.contract.event.SignOffStage;
import io.xxgk.contract.event.SignOffStep;
import io.xxgk.contract.event.WithholdReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Sign-off (一事一审). A revision is held when its school's mode asks for it (OFFICE, TWO_LEVEL) or when the classifier
 * holds it (low confidence, personal data, ...). The office reviewer decides at stage OFFICE, then under TWO_LEVEL the
 * leader at stage LEADER. Each decision is committed with its step (who, role, when, what, why), then sent as an
 * {@link ItemClassified} of schema version 2 whose {@code signOff} carries every step taken.
 */
@ApplicationScoped
public class SignOffService {

    /** Hold reason of a revision held only because its school signs off every item. */
    public static final String SIGN_OFF_REQUIRED = "SIGN_OFF_REQUIRED";
    /** Hold reason of a revision sent back (退回) to its department. */
    public static final String RETURNED_TO_DEPARTMENT = "RETURNED_TO_DEPARTMENT";
    /** Hold reason of a revision a reviewer or leader withheld (不予公开) in sign-off. */
    public static final String WITHHELD_IN_SIGN_OFF = "WITHHELD_IN_SIGN_OFF";
    /** Hold reasons that mean personal data (or an attachment that could not be screened): never batch-approved. */
    static final Set<String> PERSONAL_DATA_REASONS = Set.of(ClassificationService.PERSONAL_DATA,
            ClassificationService.PERSONAL_DATA_IN_ATTACHMENT, ClassificationService.ATTACHMENT_NOT_SCREENED);
    public static final int MAX_BATCH = 200;
    /** Added to the explanation of a revision that waits for a stage; taken away again when that stage decides. */
    static final String AWAITING_OFFICE_NOTE = "；待信息公开办公室审核 / waits for the office's sign-off";
    static final String AWAITING_LEADER_NOTE = "；待分管领导审定 / waits for the leader's sign-off";

    /** Who decides: the console's person (REVIEWER, LEADER) or an operator of the review API (acts as the office). */
    public enum ActorRole {
        REVIEWER, LEADER, OPERATOR;

        boolean mayDecide(SignOffStage stage) {
            return stage == SignOffStage.OFFICE ? this != LEADER : this == LEADER;
        }
    }

    public record Actor(String name, ActorRole role) {
    }

    /**
     * A decision: the action, the checklist item for CORRECT (null: none), the note (required for RETURN), the legal
     * reason for WITHHOLD, and optionally the stage the decider saw (a stale page is refused instead of acting twice).
     */
    public record Request(SignOffAction action, Integer checklistItem, String note, WithholdReason withholdReason,
                          SignOffStage expectedStage) {
    }

    /** The event after the decision; {@code delivered} false: committed, the broker will get it from the re-sender. */
    public record Outcome(ItemClassified event, boolean delivered) {
    }

    /** A personal-data finding: offsets in the original text and in the masked public copy ([start, end)). */
    public record FindingView(String field, String kind, String label, int start, int end, int maskedStart, int maskedEnd) {
    }

    public record QueueItem(String schoolCode, String itemId, int revision, String department, String title,
                            Integer checklistItem, Integer category, double confidence, List<String> holdReasons,
                            boolean personalData, SignOffMode mode, SignOffStage stage, int stepsTaken, Instant heldSince) {
    }

    public record StepView(SignOffStage stage, SignOffAction action, String actor, String role, Instant at, String note,
                           Integer checklistItemBefore, Integer checklistItemAfter, String withholdReason) {
    }

    public record Suggestion(Integer checklistItem, String checklistText, Integer category, String categoryName,
                             double confidence, String explanation) {
    }

    public record Copy(String title, String body) {
    }

    public record Detail(String schoolCode, String itemId, int revision, String department, String kind, Decision decision,
                         SignOffMode mode, SignOff.Status status, SignOffStage awaiting, Suggestion suggestion,
                         List<String> holdReasons, Copy original, Copy publicCopy, List<FindingView> findings,
                         List<AttachmentRef> attachments, List<StepView> history, Instant classifiedAt) {
    }

    public record Key(String itemId, int revision) {
    }

    public record BatchResult(String itemId, int revision, String outcome, String reason) {
        public static final String APPROVED = "APPROVED";
        public static final String SKIPPED = "SKIPPED";
    }

    private final SignOffModes modes;
    private final PersonalDataScreener screener;
    private final DecisionDelivery delivery;
    private final Checklist checklist;
    private final Clock clock;

    public SignOffService(SignOffModes modes, PersonalDataScreener screener, DecisionDelivery delivery, Checklist checklist,
                          Clock clock) {
        this.modes = modes;
        this.screener = screener;
        this.delivery = delivery;
        this.checklist = checklist;
        this.clock = clock;
    }

    /**
     * Stores a new revision's decision under its school's mode, inside the caller's transaction, and answers the event
     * to send. Under OFFICE and TWO_LEVEL a revision that would be published waits for the office instead; one that
     * waits keeps its original title and body and the findings for the reviewers.
     */
    public String store(ItemClassified decided, ItemSubmitted in) {
        ItemClassified withMode = underMode(decided, modes.modeFor(in.schoolCode()));
        StoredDecision r = StoredDecision.store(withMode, in.checklistHint());
        if (r.signOffStage != null) {
            r.originalTitle = in.title();
            r.originalBody = in.body();
            r.findings = EventCodec.encode(findings(in.title(), in.body()));
        }
        return r.event;
    }

    static ItemClassified underMode(ItemClassified c, SignOffMode mode) {
        ItemClassified.Builder b = c.toBuilder().schemaVersion(ItemClassified.SCHEMA_VERSION).signOff(SignOff.start(mode));
        if (mode != SignOffMode.AUTO && c.decision() == Decision.PUBLISH) {
            List<String> reasons = new ArrayList<>(c.holdReasons());
            reasons.add(SIGN_OFF_REQUIRED);
            b.decision(Decision.HOLD).holdReasons(reasons)
                    .explanation(c.explanation() + AWAITING_OFFICE_NOTE);
        }
        return b.build();
    }

    List<FindingView> findings(String title, String body) {
        List<FindingView> out = new ArrayList<>();
        addFindings(out, "title", title);
        addFindings(out, "body", body);
        return out;
    }

    private void addFindings(List<FindingView> out, String field, String text) {
        if (text == null) {
            return;
        }
        ScreeningResult r = screener.screen(text);
        int shift = 0;
        for (Finding f : r.findings()) {
            int maskedStart = f.start() + shift;
            out.add(new FindingView(field, f.kind().name(), f.kind().labelZh(), f.start(), f.end(), maskedStart,
                    maskedStart + f.masked().length()));
            shift += f.masked().length() - f.length();
        }
    }

    /** Revisions waiting for sign-off, most confident first; optionally of one school and one stage. */
    public List<QueueItem> queue(String schoolCode, SignOffStage stage, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder q = new StringBuilder("decision = 'HOLD' and signOffStage is not null");
            List<Object> params = new ArrayList<>();
            if (schoolCode != null) {
                params.add(schoolCode);
                q.append(" and schoolCode = ?").append(params.size());
            }
            if (stage != null) {
                params.add(stage.name());
                q.append(" and signOffStage = ?").append(params.size());
            }
            q.append(" order by confidence desc, createdAt, itemId");
            List<QueueItem> out = new ArrayList<>();
            for (StoredDecision r : StoredDecision.<StoredDecision>find(q.toString(), params.toArray()).range(0, limit - 1).list()) {
                ItemClassified e = EventCodec.decode(r.event, ItemClassified.class);
                out.add(new QueueItem(r.schoolCode, r.itemId, r.revision, e.department(), e.title(), e.checklistItem(),
                        e.category(), r.confidence, e.holdReasons(), hasPersonalData(r, e), e.signOffOrAuto().mode(),
                        SignOffStage.valueOf(r.signOffStage), e.signOffOrAuto().steps().size(), r.createdAt));
            }
            return out;
        });
    }

    private static boolean hasPersonalData(StoredDecision r, ItemClassified e) {
        return e.personalDataMasked() || e.holdReasons().stream().anyMatch(PERSONAL_DATA_REASONS::contains)
                || (r.findings != null && !r.findings.equals("[]"));
    }

    /** The review page of one revision: suggestion, findings, original and public copy, history. Empty if unknown. */
    public java.util.Optional<Detail> detail(String schoolCode, String itemId, int revision) {
        return QuarkusTransaction.requiringNew().call(() -> StoredDecision.find(schoolCode, itemId, revision).map(r -> {
            ItemClassified e = EventCodec.decode(r.event, ItemClassified.class);
            SignOff so = e.signOffOrAuto();
            Integer item = e.checklistItem();
            Suggestion s = new Suggestion(item, item == null ? null : checklist.item(item).map(i -> i.text()).orElse(null),
                    e.category(), item == null ? null : checklist.categoryOf(item).map(c -> c.name()).orElse(null),
                    r.confidence, e.explanation());
            List<FindingView> findings = readFindings(r.findings);
            Copy original = r.originalTitle == null ? null : new Copy(r.originalTitle, r.originalBody);
            return new Detail(r.schoolCode, r.itemId, r.revision, e.department(), e.kind() == null ? null : e.kind().name(),
                    e.decision(), so.mode(), statusOf(e),
                    r.signOffStage == null ? null : SignOffStage.valueOf(r.signOffStage), s, e.holdReasons(), original,
                    new Copy(e.title(), e.body()), findings, e.attachments(), steps(schoolCode, itemId, revision), e.classifiedAt());
        }));
    }

    /** Where a revision stands; null for a department's own withholding or withdrawal (no sign-off). */
    public static SignOff.Status statusOf(ItemClassified e) {
        return switch (e.decision()) {
            case PUBLISH -> SignOff.Status.APPROVED;
            case HOLD -> e.signOffOrAuto().status();
            case WITHHOLD -> e.signOffOrAuto().steps().isEmpty() ? null : e.signOffOrAuto().status();
            case WITHDRAW -> null;
        };
    }

    private static List<FindingView> readFindings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventCodec.mapper().readValue(json, new TypeReference<List<FindingView>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored findings unreadable", e);
        }
    }

    /** Every sign-off decision on a revision, oldest first. */
    public List<StepView> history(String schoolCode, String itemId, int revision) {
        return QuarkusTransaction.requiringNew().call(() -> steps(schoolCode, itemId, revision));
    }

    private static List<StepView> steps(String schoolCode, String itemId, int revision) {
        return SignOffStepEntity.of(schoolCode, itemId, revision).stream()
                .map(s -> new StepView(SignOffStage.valueOf(s.stage), SignOffAction.valueOf(s.action), s.actor, s.actorRole,
                        s.decidedAt, s.note, s.itemBefore, s.itemAfter, s.withholdReason)).toList();
    }

    /** The department a revision belongs to, for an editor's own-department check; null if unknown. */
    public String departmentOf(String schoolCode, String itemId, int revision) {
        return QuarkusTransaction.requiringNew().call(() -> StoredDecision.find(schoolCode, itemId, revision)
                .map(r -> EventCodec.decode(r.event, ItemClassified.class).department()).orElse(null));
    }

    /**
     * Takes one decision. Committed first (step, record, unsent mark), then sent. The same decision asked again by the
     * same person (a retry) answers the event as decided and re-sends it if it is still unsent.
     *
     * @throws SignOffRefused when the revision is unknown, waits for another stage, is decided, or the request is invalid
     */
    public Outcome decide(String schoolCode, String itemId, int revision, Actor actor, Request req) {
        validate(req);
        StoredDecision.Key key = new StoredDecision.Key(schoolCode, itemId, revision);
        ItemClassified event = QuarkusTransaction.requiringNew().timeout(60).call(() -> commit(key, actor, req));
        return new Outcome(event, delivery.deliver(key));
    }

    private void validate(Request req) {
        if (req.action() == null) {
            throw invalid("action", "action is required", "action 不能为空");
        }
        if (req.action() == SignOffAction.CORRECT && req.checklistItem() != null && checklist.item(req.checklistItem()).isEmpty()) {
            throw invalid("checklistItem", "checklistItem must be between 1 and 50, or null for none", "checklistItem 应为 1-50，或 null 表示不属于清单");
        }
        if (req.action() == SignOffAction.RETURN && (req.note() == null || req.note().isBlank())) {
            throw invalid("note", "a RETURN needs a note for the department", "退回须填写说明（note）");
        }
        if (req.action() == SignOffAction.WITHHOLD && req.withholdReason() == null) {
            throw invalid("withholdReason", "a WITHHOLD needs its legal reason", "不予公开须选择理由（withholdReason）");
        }
    }

    private static SignOffRefused invalid(String field, String message, String messageZh) {
        return new SignOffRefused(SignOffRefused.Reason.INVALID, field, message, messageZh);
    }

    private ItemClassified commit(StoredDecision.Key key, Actor actor, Request req) {
        StoredDecision r = StoredDecision.findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new SignOffRefused(SignOffRefused.Reason.NOT_FOUND, "itemId", key.schoolCode + "/" + key.itemId + "/"
                    + key.revision + " is not known to sign-off", "没有该事项版本 " + key.schoolCode + "/" + key.itemId + "/" + key.revision);
        }
        ItemClassified current = EventCodec.decode(r.event, ItemClassified.class);
        SignOff so = current.signOffOrAuto();
        SignOffStage stage = "HOLD".equals(r.decision) && r.signOffStage != null ? SignOffStage.valueOf(r.signOffStage) : null;
        if (isRetry(so, stage, actor, req)) {
            return current;
        }
        if (stage == null) {
            throw new SignOffRefused(SignOffRefused.Reason.ALREADY_DECIDED, "itemId", "the sign-off of this revision is finished ("
                    + r.decision + ")", "该事项版本已审核完毕（" + r.decision + "）");
        }
        if (req.expectedStage() != null && req.expectedStage() != stage) {
            throw new SignOffRefused(SignOffRefused.Reason.ALREADY_DECIDED, "stage", "the revision now waits for stage " + stage
                    + ", not " + req.expectedStage(), "该事项已进入 " + stage + " 环节，不再是 " + req.expectedStage());
        }
        if (!actor.role().mayDecide(stage)) {
            throw new SignOffRefused(SignOffRefused.Reason.WRONG_STAGE, "stage", "the revision waits for stage " + stage
                    + "; role " + actor.role() + " may not decide it",
                    stage == SignOffStage.LEADER ? "该事项待分管领导审定，审核人不能代为审定" : "该事项待信息公开办公室审核，领导不能跳过审核");
        }

        Instant now = clock.instant();
        Integer before = current.checklistItem();
        Integer after = req.action() == SignOffAction.CORRECT ? req.checklistItem() : before;
        String reason = req.action() == SignOffAction.WITHHOLD ? req.withholdReason().name() : null;
        String note = req.note() == null || req.note().isBlank() ? null : req.note().strip();
        SignOff next = so.with(new SignOffStep(stage, req.action(), actor.name(), actor.role().name(), now, note, after, reason));
        Integer category = after == null ? null : checklist.categoryOf(after).orElseThrow().number();
        ItemClassified.Builder b = current.toBuilder().schemaVersion(ItemClassified.SCHEMA_VERSION).signOff(next)
                .checklistItem(after).category(category).classifiedAt(now)
                .explanation(explanationAfter(current.explanation(), stage, req.action(), actor, after, reason, note,
                        next.awaiting()));
        SignOff.Status status = next.status();
        switch (status) {
            case APPROVED -> b.decision(Decision.PUBLISH).holdReasons(List.of()).confidence(1.0);
            case WITHHELD -> b.decision(Decision.WITHHOLD).confidence(1.0).withholdReason(reason).holdReasons(List.of(
                    actor.role() == ActorRole.OPERATOR ? ReviewService.REJECTED_IN_REVIEW : WITHHELD_IN_SIGN_OFF));
            case RETURNED -> b.decision(Decision.HOLD).holdReasons(List.of(RETURNED_TO_DEPARTMENT));
            default -> b.decision(Decision.HOLD);
        }
        ItemClassified decided = b.build();
        String event = EventCodec.encode(decided);

        SignOffStepEntity s = new SignOffStepEntity();
        s.schoolCode = key.schoolCode;
        s.itemId = key.itemId;
        s.revision = key.revision;
        s.stage = stage.name();
        s.action = req.action().name();
        s.actor = actor.name();
        s.actorRole = actor.role().name();
        s.decidedAt = now;
        s.note = note;
        s.itemBefore = before;
        s.itemAfter = after;
        s.withholdReason = reason;
        s.persist();
        boolean finished = next.awaiting() == null;
        if (finished && req.action() != SignOffAction.RETURN) {
            trainingRecord(key, current, req.action(), before, after, note, actor.name(), now);
        }
        r.decision = decided.decision().name();
        r.checklistItem = after;
        r.category = category;
        r.event = event;
        r.reviewedBy = actor.name();
        r.reviewedAt = now;
        r.signOffStage = finished ? null : next.awaiting().name();
        if (finished) {
            r.originalTitle = null; // personal data is kept only as long as a reviewer needs it
            r.originalBody = null;
        }
        DecisionDelivery.markUnsent(key, event, now);
        return decided;
    }

    /**
     * The explanation after a step: what was decided, by whom (and what waits next), before the earlier explanation
     * without its note that the revision waits for this stage.
     */
    static String explanationAfter(String previous, SignOffStage stage, SignOffAction action, Actor actor,
                                   Integer checklistItemAfter, String withholdReason, String note, SignOffStage next) {
        String step = stage == SignOffStage.OFFICE ? "审核" : "审定";
        String by = "已由" + actor.name() + "（" + actor.role() + "）";
        String zh = switch (action) {
            case APPROVE -> by + step + "通过";
            case CORRECT -> by + step + "通过，" + (checklistItemAfter == null ? "改为不属于清单" : "清单事项改为第 " + checklistItemAfter + " 项");
            case RETURN -> by + "退回部门";
            case WITHHOLD -> by + "决定不予公开（" + withholdReason + "）";
        };
        String en = switch (action) {
            case APPROVE -> "approved";
            case CORRECT -> "approved under " + (checklistItemAfter == null ? "no checklist item" : "checklist item " + checklistItemAfter);
            case RETURN -> "returned to the department";
            case WITHHOLD -> "withheld (" + withholdReason + ")";
        } + " by " + actor.name() + " (" + actor.role() + ") at the " + (stage == SignOffStage.OFFICE ? "office" : "leader's") + " stage";
        String earlier = previous == null ? "" : previous.replace(AWAITING_OFFICE_NOTE, "").replace(AWAITING_LEADER_NOTE, "");
        return zh + (note == null ? "" : "：" + note) + " / " + en
                + (next == SignOffStage.LEADER ? AWAITING_LEADER_NOTE : next == SignOffStage.OFFICE ? AWAITING_OFFICE_NOTE : "")
                + (earlier.isEmpty() ? "" : "；" + earlier);
    }

    /** The last step is this very decision by the same person, and the revision has moved on from that step's stage. */
    private static boolean isRetry(SignOff so, SignOffStage stage, Actor actor, Request req) {
        if (so.steps().isEmpty()) {
            return false;
        }
        SignOffStep last = so.steps().get(so.steps().size() - 1);
        return last.stage() != stage && Objects.equals(last.actor(), actor.name()) && last.action() == req.action()
                && (req.action() != SignOffAction.CORRECT || Objects.equals(last.checklistItem(), req.checklistItem()))
                && (req.action() != SignOffAction.WITHHOLD || Objects.equals(last.withholdReason(), req.withholdReason().name()));
    }

    /** The final decision on the checklist item is what the classifier learns from (CONFIRM, CORRECT, REJECT). */
    private static void trainingRecord(StoredDecision.Key key, ItemClassified held, SignOffAction action, Integer before,
                                       Integer after, String note, String who, Instant now) {
        Correction c = new Correction();
        c.schoolCode = key.schoolCode;
        c.itemId = key.itemId;
        c.revision = key.revision;
        c.title = ChecklistClassifier.head(held.title(), ChecklistClassifier.TITLE_CHARS);
        c.action = switch (action) {
            case APPROVE -> "CONFIRM";
            case CORRECT -> "CORRECT";
            default -> "REJECT";
        };
        c.beforeItem = before;
        c.afterItem = after;
        c.note = note;
        c.correctedBy = who;
        c.correctedAt = now;
        c.persist();
    }

    /**
     * Approves, one by one, the listed revisions of a school that wait at {@code stage}, are at least
     * {@code minConfidence} sure and carry no personal data (nor an attachment that could not be screened); the
     * others are skipped with the reason. One result per listed revision, in order.
     */
    public List<BatchResult> batchApprove(String schoolCode, SignOffStage stage, double minConfidence, List<Key> items,
                                          Actor actor, String note) {
        List<BatchResult> out = new ArrayList<>(items.size());
        for (Key k : items) {
            String skip = QuarkusTransaction.requiringNew().call(() -> StoredDecision.find(schoolCode, k.itemId(), k.revision())
                    .map(r -> {
                        if (!"HOLD".equals(r.decision) || r.signOffStage == null) {
                            return "ALREADY_DECIDED";
                        }
                        if (!stage.name().equals(r.signOffStage)) {
                            return "OTHER_STAGE";
                        }
                        if (r.confidence < minConfidence) {
                            return "LOW_CONFIDENCE";
                        }
                        return hasPersonalData(r, EventCodec.decode(r.event, ItemClassified.class)) ? "PERSONAL_DATA" : "";
                    }).orElse("NOT_FOUND"));
            if (!skip.isEmpty()) {
                out.add(new BatchResult(k.itemId(), k.revision(), BatchResult.SKIPPED, skip));
                continue;
            }
            try {
                Outcome o = decide(schoolCode, k.itemId(), k.revision(), actor,
                        new Request(SignOffAction.APPROVE, null, note, null, stage));
                out.add(new BatchResult(k.itemId(), k.revision(), BatchResult.APPROVED, o.delivered() ? null : "UNDELIVERED"));
            } catch (SignOffRefused e) {
                out.add(new BatchResult(k.itemId(), k.revision(), BatchResult.SKIPPED, e.reason().name()));
            }
        }
        return out;
    }
}
