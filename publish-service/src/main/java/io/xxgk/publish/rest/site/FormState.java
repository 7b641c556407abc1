package io.xxgk.publish.rest.site;

import io.xxgk.contract.api.Problem.FieldError;
import io.xxgk.contract.application.PublicApplication;
import io.xxgk.contract.application.PublicApplication.Delivery;
import io.xxgk.contract.application.PublicApplication.Medium;
import io.xxgk.contract.event.DisclosureRequestEvent.ApplicantType;
import io.xxgk.publish.service.statistics.Labels;

import java.util.Arrays;
import java.util.List;

/**
 * The form as the template draws it: what the applicant typed (kept on every refusal), the errors by field, and a
 * notice above the form (refused, too many submissions, not recorded).
 */
public record FormState(PublicApplication values, List<Error> errors, Notice notice) {

    /** An error as the applicant reads it: the message in both languages (each names the field) and its anchor. */
    public record Error(String field, String messageZh, String message) {
        public String anchor() {
            return "f-" + field;
        }
    }

    public record Notice(String title, String message) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    static FormState empty(String submissionKey) {
        return new FormState(new PublicApplication(null, submissionKey, "NATURAL_PERSON", null, null, null, null, null, null,
                "ELECTRONIC", "EMAIL"), List.of(), null);
    }

    static Error error(FieldError e) {
        return new Error(e.field(), e.messageZh(), e.message());
    }

    /** The error of one field, or null: {@code form.errorOf('name')} in the template. */
    public Error errorOf(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }

    public List<Option> applicantTypes() {
        return Arrays.stream(ApplicantType.values())
                .map(t -> new Option(t.name(), Labels.applicant(t), t.name().equals(values.applicantType())))
                .toList();
    }

    public List<Option> media() {
        return Arrays.stream(Medium.values()).map(m -> new Option(m.name(), m.label, m.name().equals(values.medium()))).toList();
    }

    public List<Option> deliveries() {
        return Arrays.stream(Delivery.values()).map(d -> new Option(d.name(), d.label, d.name().equals(values.delivery()))).toList();
    }
}
