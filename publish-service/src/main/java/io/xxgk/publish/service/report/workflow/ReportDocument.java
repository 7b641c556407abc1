package io.xxgk.publish.service.report.workflow;

/** A rendered report: its bytes, media type and file name (ASCII, and the Chinese title for filename*). */
public record ReportDocument(byte[] body, String mediaType, String asciiFileName, String fileName) {
}
