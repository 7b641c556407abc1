package io.xxgk.publish.service;

import io.xxgk.contract.event.AttachmentRef;

import java.time.LocalDate;
import java.util.List;

/** 信息公开目录: the checklist tree of one school with its published entries and what is missing. */
public record CatalogueView(SchoolView school, String checklistVariant, String checklistTitle, Period period, Summary summary,
                            List<Category> categories) {

    public record Period(int year, String kind, LocalDate from, LocalDate to) {
    }

    /** published: items with an entry in the period; standing: standing items in force from an earlier period. */
    public record Summary(int published, int missing, int notApplicable, int standing) {
    }

    public record Category(int number, String label, String name, List<Item> items) {
    }

    /**
     * status: PUBLISHED, STANDING (a standing item in force from an earlier period: covered), MISSING or
     * NOT_APPLICABLE, then with notApplicableReason (本校不涉及 with the school's reason, or not for this kind of
     * school). recurrence: STANDING or RECURRING. The school's variant may add the responsible department, the update
     * cadence and sub-items. columnLink: the 栏目链接, the URL of the item's column on the school's website (set by the
     * office), or null.
     */
    public record Item(int number, String text, String status, long entryCount, List<Entry> entries,
                       String responsibleDepartment, String updateCadence, List<String> subItems,
                       String notApplicableReason, String recurrence, String columnLink) {
    }

    public record Entry(String id, String title, String department, String kind, LocalDate producedDate,
                        LocalDate publishedDate, String link, List<AttachmentRef> attachments) {
    }
}
