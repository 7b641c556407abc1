package io.xxgk.publish.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

/**
 * The per-school data version of V14. A write marks its school {@link #changed}; the version is incremented in the
 * same transaction, by {@link #flush()} or at the latest just before the commit, once per school and in school order
 * (so that two writers of several schools never lock the rows crosswise), after the other rows of the transaction.
 * Cached views are keyed by the version {@link #current} reads, so none is used after a write has committed.
 */
@ApplicationScoped
public class SchoolDataVersions {

    private static final Object PENDING = new Object() {
        @Override
        public String toString() {
            return "pending school data versions";
        }
    };

    private final DataSource dataSource;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;

    public SchoolDataVersions(DataSource dataSource, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.em = em;
        this.transactions = transactions;
    }

    /** The school's committed version (0 when nothing was written for it since V14); one primary-key lookup. */
    public long current(String school) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select version from school_data_version where school_code = ?")) {
            ps.setString(1, school);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the school's data version failed: " + e.getMessage(), e);
        }
    }

    /** The current transaction changes what the school's views show. Requires a transaction. */
    @SuppressWarnings("unchecked")
    public void changed(String school) {
        Set<String> pending = (Set<String>) transactions.getResource(PENDING);
        if (pending == null) {
            Set<String> created = new TreeSet<>();
            transactions.putResource(PENDING, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write(created);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    created.clear();
                }
            });
            pending = created;
        }
        pending.add(school);
    }

    /** Increments the versions of the schools changed so far in this transaction now (a consumer's poll). */
    @SuppressWarnings("unchecked")
    public void flush() {
        Set<String> pending = (Set<String>) transactions.getResource(PENDING);
        if (pending != null) {
            write(pending);
        }
    }

    private void write(Set<String> schools) {
        if (schools.isEmpty()) {
            return;
        }
        // the written rows first, then the versions: the order every writer and the recount take their locks in
        em.flush();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into school_data_version as t (school_code, version)
                     select s, 1 from unnest(cast(? as varchar[])) with ordinality as u(s, n) order by n
                     on conflict (school_code) do update set version = t.version + 1""")) {
            ps.setArray(1, c.createArrayOf("varchar", schools.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing the school data versions failed: " + e.getMessage(), e);
        }
        schools.clear();
    }

    /**
     * Every school's version incremented, those with entries but no row yet given one: for a write that changes every
     * school at once (the recount of the statistics counts), on its connection and in its transaction.
     */
    public static void changedAll(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("""
                    insert into school_data_version as t (school_code, version)
                    select school_code, 1 from (
                        select distinct school_code from catalogue_entry
                        union select school_code from school_data_version) s
                    order by school_code
                    on conflict (school_code) do update set version = t.version + 1""");
        }
    }
}
