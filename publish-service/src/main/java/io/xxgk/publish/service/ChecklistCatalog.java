package io.xxgk.publish.service;

import io.xxgk.contract.checklist.Checklist;
import io.xxgk.contract.school.School;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The checklist variant each school uses, loaded once per variant. */
@ApplicationScoped
public class ChecklistCatalog {

    private final Map<String, Checklist> byVariant = new ConcurrentHashMap<>();

    public Checklist forSchool(School school) {
        String variant = school.checklistVariant() == null ? Checklist.NATIONAL_2014 : school.checklistVariant();
        return byVariant.computeIfAbsent(variant, Checklist::load);
    }
}
