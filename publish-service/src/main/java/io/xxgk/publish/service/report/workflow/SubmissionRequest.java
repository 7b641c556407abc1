package io.xxgk.publish.service.report.workflow;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The report's submission to the provincial education department (报送省教育厅), recorded after approval. */
@Schema(description = "报送省教育厅登记 / submission to the provincial education department")
public record SubmissionRequest(
        @Schema(description = "报送日期（YYYY-MM-DD），不早于审定日期、不晚于今天 / date sent", example = "2022-10-20", required = true)
        String submittedOn,
        @Schema(description = "报送方式 / how it was sent", required = true,
                enumeration = {"ONLINE_SYSTEM", "EMAIL", "MAIL", "IN_PERSON", "OTHER"})
        String method,
        @Schema(description = "文号、系统回执号或收件人等，最多200字 / reference (receipt number, addressee)", example = "鄂教办信息〔2022〕12号回执")
        String reference,
        @Schema(description = "备注，最多2000字 / note") String note) {

    /** How a report reaches the department. */
    public enum Method {
        ONLINE_SYSTEM("网上报送系统"), EMAIL("电子邮件"), MAIL("纸质邮寄"), IN_PERSON("现场报送"), OTHER("其他方式");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
