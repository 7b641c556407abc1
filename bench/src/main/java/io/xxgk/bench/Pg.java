package io.xxgk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL seen from its statistics views, as the superuser of the embedded server: per database commits and
 * rows (pg_stat_database), WAL records, bytes and fsyncs (pg_stat_wal), and, sampled every 100 ms while a phase
 * runs, what each service's backends are doing (pg_stat_activity: on CPU, waiting for WAL fsync, for a lock, or
 * idle inside a transaction while the service works).
 */
final class Pg implements AutoCloseable {

    static final List<String> DATABASES = List.of("ingest", "classify", "publish");

    private final Connection connection;
    private final String urlPrefix;
    private final Map<String, Connection> perDatabase = new HashMap<>();

    Pg(String jdbcUrlOfPostgresDb) {
        try {
            connection = DriverManager.getConnection(jdbcUrlOfPostgresDb, "postgres", "postgres");
            urlPrefix = jdbcUrlOfPostgresDb.substring(0, jdbcUrlOfPostgresDb.lastIndexOf('/') + 1);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL statistics: " + e.getMessage(), e);
        }
    }

    private Connection to(String db) throws SQLException {
        Connection c = perDatabase.get(db);
        if (c == null || c.isClosed()) {
            c = DriverManager.getConnection(urlPrefix + db, "postgres", "postgres");
            perDatabase.put(db, c);
        }
        return c;
    }

    /** The settings that decide what a commit costs. */
    synchronized String settings() {
        StringBuilder sb = new StringBuilder();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("select name, setting, unit from pg_settings where name in ('synchronous_commit', 'fsync',"
                     + " 'wal_sync_method', 'shared_buffers', 'max_connections', 'server_version') order by name")) {
            while (rs.next()) {
                if (sb.length() > 0) {
                    sb.append(", ");
                }
                String unit = rs.getString(3);
                sb.append(rs.getString(1)).append('=').append(rs.getString(2));
                if ("8kB".equals(unit)) {
                    sb.append(" × 8kB");
                } else if (unit != null) {
                    sb.append(unit);
                }
            }
        } catch (SQLException e) {
            return "? (" + e.getMessage() + ")";
        }
        return sb.toString();
    }

    /** Cumulative counters: "db.commits", "db.inserted", ..., "wal.records", "wal.bytes", "wal.syncs". */
    synchronized Map<String, Double> counters() {
        Map<String, Double> m = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("select datname, xact_commit, xact_rollback, tup_fetched, tup_inserted, tup_updated,"
                    + " tup_deleted, blks_read from pg_stat_database where datname in ('ingest', 'classify', 'publish')")) {
                while (rs.next()) {
                    String db = rs.getString(1);
                    m.put(db + ".commits", rs.getDouble(2));
                    m.put(db + ".rollbacks", rs.getDouble(3));
                    m.put(db + ".fetched", rs.getDouble(4));
                    m.put(db + ".inserted", rs.getDouble(5));
                    m.put(db + ".updated", rs.getDouble(6));
                    m.put(db + ".deleted", rs.getDouble(7));
                    m.put(db + ".blocksRead", rs.getDouble(8));
                }
            }
            try (ResultSet rs = st.executeQuery("select wal_records, wal_bytes, wal_sync, wal_write from pg_stat_wal")) {
                if (rs.next()) {
                    m.put("wal.records", rs.getDouble(1));
                    m.put("wal.bytes", rs.getDouble(2));
                    m.put("wal.syncs", rs.getDouble(3));
                    m.put("wal.writes", rs.getDouble(4));
                }
            }
        } catch (SQLException e) {
            // statistics are optional: an empty map prints as unknown
        }
        // which index each database reads most (index entries returned), and sequential scans
        for (String db : DATABASES) {
            try (Statement st = to(db).createStatement();
                 ResultSet rs = st.executeQuery("select indexrelname, idx_tup_read from pg_stat_user_indexes")) {
                while (rs.next()) {
                    m.put(db + ".index." + rs.getString(1), rs.getDouble(2));
                }
                try (ResultSet t = st.executeQuery("select relname, seq_tup_read from pg_stat_user_tables")) {
                    while (t.next()) {
                        m.put(db + ".seqscan." + t.getString(1), t.getDouble(2));
                    }
                }
            } catch (SQLException e) {
                // optional
            }
        }
        return m;
    }

    /** The indexes (and sequential scans) that returned the most rows in a delta, per item. */
    static String mostRead(Map<String, Double> delta, String db, double items) {
        StringBuilder sb = new StringBuilder();
        delta.entrySet().stream()
                .filter(e -> (e.getKey().startsWith(db + ".index.") || e.getKey().startsWith(db + ".seqscan.")) && e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3).forEach(e -> {
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    String k = e.getKey().substring(db.length() + 1);
                    sb.append(k.startsWith("seqscan.") ? "seq scan " + k.substring(8) : k.substring(6))
                            .append(String.format(Locale.ROOT, " %.1f", e.getValue() / items));
                });
        return sb.length() == 0 ? "-" : sb.toString();
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }

    /** Samples pg_stat_activity of the services' databases while it is open. */
    final class ActivitySampler implements AutoCloseable {
        /** db → "state/wait" → samples; "samples" counts the rounds. */
        final Map<String, Map<String, Integer>> seen = new HashMap<>();
        /** db → statement signature ("select catalogue_entry") → samples, of active backends. */
        final Map<String, Map<String, Integer>> statements = new HashMap<>();
        int rounds;
        private final Thread thread;
        private volatile boolean running = true;

        ActivitySampler(int periodMs) {
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    KafkaWatch.sleep(periodMs);
                }
            }, "bench-pg-activity");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            synchronized (Pg.this) {
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery("select datname, state, wait_event_type, wait_event, left(query, 400) from pg_stat_activity"
                             + " where datname in ('ingest', 'classify', 'publish') and pid <> pg_backend_pid()"
                             + " and state in ('active', 'idle in transaction')")) {
                    synchronized (seen) {
                        rounds++;
                        while (rs.next()) {
                            String state = rs.getString(2);
                            String what;
                            if ("active".equals(state)) {
                                String type = rs.getString(3);
                                what = type == null ? "CPU" : type + ":" + rs.getString(4);
                                statements.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(signature(rs.getString(5)), 1,
                                        Integer::sum);
                            } else {
                                what = "idle in transaction";
                            }
                            seen.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(what, 1, Integer::sum);
                        }
                    }
                } catch (SQLException e) {
                    // skip this round
                }
            }
        }

        /** Average number of backends per state over the samples, e.g. "CPU 0.62, IO:WalSync 0.30, idle in tx 1.1". */
        String describe(String db) {
            synchronized (seen) {
                Map<String, Integer> m = seen.getOrDefault(db, Map.of());
                if (rounds == 0 || m.isEmpty()) {
                    return "-";
                }
                StringBuilder sb = new StringBuilder();
                m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5).forEach(e -> {
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    sb.append(e.getKey()).append(String.format(Locale.ROOT, " %.2f", (double) e.getValue() / rounds));
                });
                return sb.toString();
            }
        }

        /** The statements the database's backends were seen executing, most frequent first. */
        String statements(String db) {
            synchronized (seen) {
                Map<String, Integer> m = statements.getOrDefault(db, Map.of());
                int total = m.values().stream().mapToInt(Integer::intValue).sum();
                if (total == 0) {
                    return "-";
                }
                StringBuilder sb = new StringBuilder();
                m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(4).forEach(e -> {
                    if (sb.length() > 0) {
                        sb.append(", ");
                    }
                    sb.append(e.getKey()).append(String.format(Locale.ROOT, " %.0f%%", 100.0 * e.getValue() / total));
                });
                return sb.toString();
            }
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final java.util.regex.Pattern FROM = java.util.regex.Pattern.compile("\\bfrom\\s+([a-z_][a-z0-9_.]*)");
    private static final java.util.regex.Pattern TARGET = java.util.regex.Pattern.compile(
            "^(insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_.]*)");

    /** "select catalogue_entry", "insert outbox", "update item", "commit" ... */
    static String signature(String sql) {
        if (sql == null) {
            return "?";
        }
        String q = sql.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        java.util.regex.Matcher t = TARGET.matcher(q);
        if (t.find()) {
            return t.group(1).split(" ")[0] + " " + t.group(2);
        }
        if (q.startsWith("select") || q.startsWith("with")) {
            java.util.regex.Matcher f = FROM.matcher(q);
            String window = q.contains(" over ") ? " (window)" : "";
            return f.find() ? "select " + f.group(1) + window : "select";
        }
        int sp = q.indexOf(' ');
        return sp < 0 ? q : q.substring(0, sp);
    }

    ActivitySampler sampler(int periodMs) {
        return new ActivitySampler(periodMs);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
            for (Connection c : perDatabase.values()) {
                c.close();
            }
        } catch (SQLException e) {
            // closing
        }
    }
}
