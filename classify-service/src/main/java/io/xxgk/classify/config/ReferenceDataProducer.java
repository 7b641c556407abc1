package io.xxgk.classify.config;

import io.xxgk.classify.screening.PersonalDataScreener;
import io.xxgk.contract.checklist.Checklist;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

public class ReferenceDataProducer {

    @Produces
    @Singleton
    Checklist checklist() {
        return Checklist.national();
    }

    @Produces
    @Singleton
    PersonalDataScreener screener() {
        return new PersonalDataScreener();
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
