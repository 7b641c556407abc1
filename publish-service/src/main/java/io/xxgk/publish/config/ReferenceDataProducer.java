package io.xxgk.publish.config;

import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class ReferenceDataProducer {

    @Produces
    @Singleton
    SchoolDirectory schoolDirectory() {
        return SchoolDirectory.load();
    }
}
