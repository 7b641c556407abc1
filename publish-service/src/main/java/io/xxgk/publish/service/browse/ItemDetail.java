package io.xxgk.publish.service.browse;

import io.xxgk.contract.event.AttachmentRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public copy of one published entry, with its place in the checklist named as the checklist names it.
 * producedDate and publishedDate are the department's declared dates; madePublicAt is when this system made the
 * current revision public (after its sign-off), null for entries stored before it was recorded.
 */
public record ItemDetail(String id, String school, int revision, String title, String body, String department,
                         String kind, String kindLabel, LocalDate producedDate, LocalDate publishedDate,
                         List<Code> channels, ChecklistRef checklistItem, CategoryRef category, String link,
                         String sourceUrl, List<AttachmentRef> attachments, Instant updatedAt, Instant madePublicAt) {

    /** An enum value with its Chinese label, e.g. {@code {"code": "WEBSITE", "label": "学校网站"}}. */
    public record Code(String code, String label) {
    }

    /** A checklist item (1-50) and its text. */
    public record ChecklistRef(int number, String text) {
    }

    /** A checklist category (1-10): number, Chinese numeral label (一 to 十) and name. */
    public record CategoryRef(int number, String label, String name) {
    }
}
