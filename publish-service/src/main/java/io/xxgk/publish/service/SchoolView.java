package io.xxgk.publish.service;

import io.xxgk.contract.school.School;

/** A school as the website shows it. */
public record SchoolView(String code, String name, String kind, String kindLabel, String province, String statisticsPeriod) {

    public static SchoolView of(School s) {
        return new SchoolView(s.code(), s.name(), s.kind().name(), s.kind().label(), s.province(), s.statisticsPeriod().name());
    }
}
