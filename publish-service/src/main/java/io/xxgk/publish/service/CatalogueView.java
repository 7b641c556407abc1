package io.xxgk.publish.service;

import io.xxgk.contract.event.AttachmentRef;

import java.time.LocalDate;
import java.util.List;

/** 信息公开目录: the checklist tree of one school with its published entries and what is missing. */
public record CatalogueView(SchoolView school, String checklistVariant, String checklistTitle, Period period, Summary summary,
                            List<Category> categories) {

    public record Period(int year, String kind, LocalDate from, LocalDate to) {
    }

    public record Summary(int published, int missing, int notApplicable) {
    }

    public record Category(int number, String label, String name, List<Item> items) {
    }

    /**
     * status: PUBLISHED, MISSING or NOT_APPLICABLE. The school's variant may add the responsible department, the
     * update cadence and sub-items.
     */
    public record Item(int number, String text, String status, long entryCount, List<Entry> entries,
                       String responsibleDepartment, String updateCadence, List<String> subItems) {
    }

    public record Entry(String id, String title, String department, String kind, LocalDate producedDate,
                        LocalDate publishedDate, String link, List<AttachmentRef> attachments) {
    }
}
