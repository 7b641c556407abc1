package io.xxgk.contract.school;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A school in the directory. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record School(String code, String name, SchoolKind kind, String province,
                     StatisticsPeriod statisticsPeriod, String checklistVariant) {
}
