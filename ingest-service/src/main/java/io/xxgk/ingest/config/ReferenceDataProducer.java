package io.xxgk.ingest.config;

import io.xxgk.contract.school.SchoolDirectory;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

public class ReferenceDataProducer {

    @Produces
    @Singleton
    SchoolDirectory schoolDirectory() {
        return SchoolDirectory.load();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
