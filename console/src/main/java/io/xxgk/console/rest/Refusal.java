package io.xxgk.console.rest;

import io.xxgk.contract.api.Problem;
import io.xxgk.contract.problem.ProblemException;

import java.util.List;

/**
 * A service's refusal shown on a page: the problem's title, its detail (the service writes it "中文 / English") and
 * its field errors; never a stack trace.
 */
public record Refusal(String title, String detail, List<Problem.FieldError> errors) {

    public static Refusal of(ProblemException e) {
        Problem p = e.problem();
        String detail = p.detail();
        if (detail != null && p.errors() != null && !p.errors().isEmpty()) {
            detail = null; // the field errors say it better
        }
        return new Refusal(p.title(), detail, p.errors() == null ? List.of() : p.errors());
    }

    /** The Chinese half of "中文 / English". */
    public String getDetailZh() {
        if (detail == null) {
            return null;
        }
        int slash = detail.indexOf(" / ");
        return slash < 0 ? detail : detail.substring(0, slash);
    }

    public String getDetailEn() {
        if (detail == null) {
            return null;
        }
        int slash = detail.indexOf(" / ");
        return slash < 0 ? null : detail.substring(slash + 3);
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }
}
