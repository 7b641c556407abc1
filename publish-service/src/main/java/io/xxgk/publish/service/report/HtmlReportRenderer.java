package io.xxgk.publish.service.report;

import io.quarkus.qute.Template;

/**
 * The report as one self-contained, printable HTML page (A4, no scripts, no external resources), from the school's
 * Qute template ({@code report.html} of {@link ReportTemplates}); the template sees the report as {@code report}.
 */
public final class HtmlReportRenderer {

    public String render(Template template, AnnualReport report) {
        return template.data("report", report).render();
    }
}
