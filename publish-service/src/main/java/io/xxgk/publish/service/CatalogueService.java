package io.xxgk.publish.service;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.xxgk.contract.school.School;
import io.xxgk.publish.repository.SchoolDataVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * A school's catalogue, built by {@link CatalogueBuilder} and kept (cache {@code catalogue}, bounded) under everything
 * it depends on: the school, the year, the entries per item and the school's data version (V14), which every write
 * that changes the catalogue increments in its own transaction. A read looks the version up first, so a write
 * committed through any replica is never answered with a view built before it.
 */
@ApplicationScoped
public class CatalogueService {

    /** What a catalogue is built from, besides the configuration (checklists) every replica shares. */
    record Key(School school, Integer year, int entriesPerItem, long version) {
    }

    private final CatalogueBuilder builder;
    private final SchoolDataVersions versions;
    private final Cache cache;

    public CatalogueService(CatalogueBuilder builder, SchoolDataVersions versions, @CacheName("catalogue") Cache cache) {
        this.builder = builder;
        this.versions = versions;
        this.cache = cache;
    }

    /**
     * Its own transaction: the view kept for everyone must be built from committed data only, never from a caller's
     * writes that may yet roll back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CatalogueView catalogue(School school, Integer year, int entriesPerItem) {
        // read before the view's data: a view is at least as new as the version it is kept under
        Key key = new Key(school, year, entriesPerItem, versions.current(school.code()));
        return cache.get(key, k -> builder.catalogue(school, year, entriesPerItem)).await().indefinitely();
    }
}
