package io.xxgk.classify.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The versioned classifier models in the database ({@code classifier_model}, migration V5) and the corrections they
 * learn from. Plain JDBC over the datasource, so that a second loader (another replica, a test) reads exactly what the
 * service reads.
 */
@ApplicationScoped
public class ModelStore {

    /** Key of the PostgreSQL advisory lock that makes training single-flight across replicas. */
    static final long TRAINING_LOCK = 0x7878676b_6d6f646cL; // "xxgkmodl"

    /** A stored model without its bytes. */
    public record Info(int version, String dataDigest, Instant createdAt, String trainedBy, int corrections,
                       long lastCorrectionId, int trainingRows, String sha256) {
    }

    /** A model to store: its bytes and what it was trained from. */
    public record NewModel(byte[] bytes, String trainedBy, int corrections, long lastCorrectionId, int trainingRows) {
    }

    /** An operator's final decision on a title, as training data: label "1".."50" or "-". */
    public record TrainingCorrection(long id, String title, String label) {
    }

    private final DataSource dataSource;

    @Inject
    public ModelStore(AgroalDataSource dataSource) {
        this((DataSource) dataSource);
    }

    /** A store over any datasource (a second loader of the same database). */
    public ModelStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The newest model trained from data of {@code dataDigest}. */
    public Optional<Info> latest(String dataDigest) {
        try (Connection c = dataSource.getConnection()) {
            return latest(c, dataDigest);
        } catch (SQLException e) {
            throw new IllegalStateException("classifier models not readable: " + e.getMessage(), e);
        }
    }

    /** The bytes of model {@code version}, checked against its stored SHA-256. */
    public Optional<byte[]> bytes(int version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select model, sha256 from classifier_model where version = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] b = rs.getBytes(1);
                if (!sha256(b).equals(rs.getString(2))) {
                    throw new IllegalStateException("classifier model " + version + " does not match its SHA-256");
                }
                return Optional.of(b);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("classifier model " + version + " not readable: " + e.getMessage(), e);
        }
    }

    /** Every confirmed or corrected title (CONFIRM, CORRECT) in the order they were decided. */
    public List<TrainingCorrection> corrections() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, title, after_item from correction where action in ('CONFIRM', 'CORRECT') order by id")) {
            List<TrainingCorrection> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int item = rs.getInt(3);
                    out.add(new TrainingCorrection(rs.getLong(1), rs.getString(2), rs.wasNull() ? "-" : Integer.toString(item)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("corrections not readable: " + e.getMessage(), e);
        }
    }

    /** The id of the newest confirmed or corrected title, 0 if there is none. */
    public long lastCorrectionId() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select coalesce(max(id), 0) from correction where action in ('CONFIRM', 'CORRECT')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("corrections not readable: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code train} while holding the training lock (one replica trains at a time, the others wait), giving it the
     * newest model of {@code dataDigest} as it is once the lock is held; stores what it returns as the next version.
     * Returns the stored model's info, or the newest existing one when {@code train} returned empty (nothing to learn).
     */
    public Optional<Info> trainExclusively(String dataDigest, Function<Optional<Info>, Optional<NewModel>> train) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, TRAINING_LOCK);
                    lock.execute();
                }
                Optional<Info> before = latest(c, dataDigest);
                Optional<NewModel> trained = train.apply(before);
                Optional<Info> result = trained.isEmpty() ? before : Optional.of(insert(c, dataDigest, trained.get()));
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("classifier model not stored: " + e.getMessage(), e);
        }
    }

    private static Info insert(Connection c, String dataDigest, NewModel m) throws SQLException {
        String sha = sha256(m.bytes());
        Instant now = Instant.now();
        try (PreparedStatement ps = c.prepareStatement("insert into classifier_model (version, data_digest, created_at, "
                + "trained_by, corrections, last_correction_id, training_rows, sha256, model) "
                + "select coalesce(max(version), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? from classifier_model returning version")) {
            ps.setString(1, dataDigest);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, m.trainedBy().length() > 200 ? m.trainedBy().substring(0, 200) : m.trainedBy());
            ps.setInt(4, m.corrections());
            ps.setLong(5, m.lastCorrectionId());
            ps.setInt(6, m.trainingRows());
            ps.setString(7, sha);
            ps.setBytes(8, m.bytes());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Info(rs.getInt(1), dataDigest, now, m.trainedBy(), m.corrections(), m.lastCorrectionId(),
                        m.trainingRows(), sha);
            }
        }
    }

    private static Optional<Info> latest(Connection c, String dataDigest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select version, data_digest, created_at, trained_by, corrections, "
                + "last_correction_id, training_rows, sha256 from classifier_model where data_digest = ? "
                + "order by version desc limit 1")) {
            ps.setString(1, dataDigest);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Info(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getInt(5), rs.getLong(6), rs.getInt(7), rs.getString(8)));
            }
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
