package io.xxgk.publish.service.report.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The note with a freeze, an approval or (required there) the reason of an unfreeze. */
@Schema(description = "备注（解除冻结时为必填的原因） / note; for an unfreeze, the required reason")
public record ReportNote(@Schema(description = "备注或原因，最多2000字 / note or reason, at most 2000 characters") String note) {
}
