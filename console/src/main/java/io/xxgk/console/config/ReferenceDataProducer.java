package io.xxgk.console.config;

import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The school directory of contract (names of schools shown on the pages). */
public class ReferenceDataProducer {

    @Produces
    @Singleton
    SchoolDirectory schoolDirectory() {
        return SchoolDirectory.load();
    }
}
