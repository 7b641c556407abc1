package io.xxgk.ingest.service;

import io.xxgk.contract.event.AttachmentRef;
import io.xxgk.contract.event.Channel;
import io.xxgk.contract.event.Scope;
import io.xxgk.contract.event.WithholdReason;
import io.xxgk.contract.event.ItemAction;
import io.xxgk.contract.event.ItemKind;
import io.xxgk.contract.event.ItemSubmitted;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Builds the {@link ItemSubmitted} event of an accepted item: defaults filled in, text stripped, attachments resolved. */
@ApplicationScoped
public class ItemEvents {

    private final AttachmentService attachments;

    public ItemEvents(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /** The event of a submission or revision; {@code r} has passed {@link ItemValidator}. */
    ItemSubmitted submitted(ItemRequest r, int revision, ItemAction action, Instant now) {
        ItemKind kind = r.kind() == null ? ItemKind.OTHER : ItemValidator.parseEnum(ItemKind.class, r.kind());
        List<Channel> channels = r.channels() == null || r.channels().isEmpty()
                ? List.of(Channel.WEBSITE)
                : r.channels().stream().map(c -> ItemValidator.parseEnum(Channel.class, c)).distinct().toList();
        LocalDate produced = r.producedDate() == null || r.producedDate().isBlank()
                ? LocalDate.ofInstant(now, ItemValidator.CHINA) : LocalDate.parse(r.producedDate().strip());
        LocalDate published = r.publishedDate() == null || r.publishedDate().isBlank() ? null : LocalDate.parse(r.publishedDate().strip());
        boolean withheld = Boolean.TRUE.equals(r.withheld());
        List<AttachmentRef> refs = r.attachments() == null ? List.of()
                : attachments.references(r.schoolCode(), r.attachments().stream().distinct().toList());
        return ItemSubmitted.builder().itemId(r.id()).revision(revision).action(action).schoolCode(r.schoolCode())
                .department(r.department().strip()).title(r.title().strip()).body(r.body()).kind(kind)
                .producedDate(produced).publishedDate(published).channels(channels)
                .sourceUrl(blankToNull(r.sourceUrl())).checklistHint(r.checklistHint()).withheld(withheld)
                .withholdReason(withheld ? ItemValidator.parseEnum(WithholdReason.class, r.withholdReason()).name() : null)
                .attachments(refs).submittedAt(now)
                .scope(blankToNull(r.scope()) == null ? Scope.PUBLIC : ItemValidator.parseEnum(Scope.class, r.scope()))
                .build();
    }

    /** 撤回: the last revision's content, with the reason, as a new revision. */
    static ItemSubmitted withdrawal(ItemSubmitted last, int revision, String reason, Instant now) {
        return ItemSubmitted.builder().itemId(last.itemId()).revision(revision).action(ItemAction.WITHDRAW)
                .schoolCode(last.schoolCode()).department(last.department()).title(last.title()).body(last.body())
                .kind(last.kind()).producedDate(last.producedDate()).publishedDate(last.publishedDate())
                .channels(last.channels()).sourceUrl(last.sourceUrl()).checklistHint(last.checklistHint())
                .withheld(last.withheld()).withholdReason(last.withholdReason()).withdrawReason(reason)
                .attachments(last.attachments()).submittedAt(now).scope(last.scope()).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
