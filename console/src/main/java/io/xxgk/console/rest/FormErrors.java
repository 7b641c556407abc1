package io.xxgk.console.rest;

import io.xxgk.contract.api.Problem;
import io.xxgk.contract.problem.ProblemException;

import java.util.List;

/** A refused form, shown on the page it came from: the problem's title and its field errors in Chinese and English. */
public record FormErrors(String title, List<Problem.FieldError> errors) {

    public static FormErrors of(ProblemException e) {
        Problem p = e.problem();
        return new FormErrors(p.title(), p.errors() == null ? List.of() : p.errors());
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }
}
