package io.xxgk.classify.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.xxgk.classify.model.ChecklistClassifier;
import io.xxgk.classify.model.Classification;
import io.xxgk.classify.repository.ModelStore;
import io.xxgk.contract.event.ItemKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The checklist classifier every replica shares: the newest model stored in the database ({@link ModelStore}) for this
 * release's training data. A retraining (operator's request, or the schedule when people have confirmed or corrected
 * titles since the last model) trains on the shipped data plus every correction, stores the result as the next
 * version, and every replica loads it within {@code xxgk.classify.model-poll}. The first replica of a release to start
 * trains the release's first model; the others wait for it and load it (training is single-flight across replicas).
 * Every answer names the model version that gave it.
 */
@ApplicationScoped
public class TrainedClassifier implements ItemClassifier {

    private static final Logger LOG = Logger.getLogger(TrainedClassifier.class);

    /** A loaded model and its version. */
    public record Loaded(int version, ChecklistClassifier classifier) {
    }

    /** The outcome of a retraining: the version now in use, and how many corrections it learnt from. */
    public record Retrained(int version, int corrections, boolean trained) {
    }

    private final ModelStore store;
    private final String dataDigest;
    private final String replica;
    private final Duration pollEvery;
    private final Duration retrainEvery;
    private volatile Loaded current;
    private ScheduledExecutorService timer;

    @Inject
    public TrainedClassifier(ModelStore store,
                             @ConfigProperty(name = "xxgk.classify.model-poll", defaultValue = "10s") Duration pollEvery,
                             @ConfigProperty(name = "xxgk.classify.retrain-every", defaultValue = "1h") Duration retrainEvery) {
        this.store = store;
        this.pollEvery = pollEvery;
        this.retrainEvery = retrainEvery;
        this.dataDigest = ChecklistClassifier.dataDigest();
        this.replica = replicaName();
    }

    @Override
    public Classification classify(String title, String body, String department, ItemKind kind, Integer hint) {
        Loaded l = loaded();
        return l.classifier().classify(title, body, department, kind, hint).byModel(l.version());
    }

    /** The model in use, loading (or, for a release's first start, training) it if none is yet. */
    public Loaded loaded() {
        Loaded l = current;
        return l != null ? l : loadOrTrain();
    }

    private synchronized Loaded loadOrTrain() {
        if (current == null) {
            Optional<ModelStore.Info> latest = store.latest(dataDigest);
            if (latest.isPresent()) {
                load(latest.get().version());
            } else {
                // the first replica of this release trains; one that waited for it finds its model and loads it
                train("first start of this release", When.NO_MODEL);
            }
        }
        return current;
    }

    /** Retrains now on the shipped data and every correction, stores the model as the next version and uses it. */
    public Retrained retrain(String requestedBy) {
        return train(requestedBy, When.ALWAYS);
    }

    /** Retrains only if people have confirmed or corrected titles since the newest model (the schedule's check). */
    public Retrained retrainIfNewCorrections() {
        return train("schedule: new corrections", When.NEW_CORRECTIONS);
    }

    private enum When { ALWAYS, NEW_CORRECTIONS, NO_MODEL }

    private synchronized Retrained train(String why, When when) {
        boolean[] trained = {false};
        ModelStore.Info info = store.trainExclusively(dataDigest, before -> {
            // decided once the lock is held: another replica may have trained while this one waited
            if (before.isPresent() && (when == When.NO_MODEL
                    || when == When.NEW_CORRECTIONS && store.lastCorrectionId() <= before.get().lastCorrectionId())) {
                return Optional.empty();
            }
            List<ModelStore.TrainingCorrection> corrections = store.corrections();
            long t0 = System.nanoTime();
            ChecklistClassifier c = ChecklistClassifier.load(corrections.stream()
                    .map(r -> new String[]{r.title(), r.label()}).toList());
            byte[] bytes = c.toBytes();
            long last = corrections.stream().mapToLong(ModelStore.TrainingCorrection::id).max().orElse(0);
            LOG.infof("classifier trained with %d operator corrections in %d ms (%s)", corrections.size(),
                    (System.nanoTime() - t0) / 1_000_000, why);
            trained[0] = true;
            return Optional.of(new ModelStore.NewModel(bytes, replica + ": " + why, corrections.size(), last, c.trainingRows()));
        }).orElseThrow(() -> new IllegalStateException("no classifier model stored"));
        if (current == null || current.version() != info.version()) {
            load(info.version());
        }
        return new Retrained(info.version(), info.corrections(), trained[0]);
    }

    /** Loads a newer stored model of this release if there is one (what every replica does every poll). */
    public synchronized Optional<Integer> refresh() {
        Optional<ModelStore.Info> latest = store.latest(dataDigest);
        if (latest.isPresent() && (current == null || latest.get().version() > current.version())) {
            load(latest.get().version());
            return Optional.of(latest.get().version());
        }
        return Optional.empty();
    }

    private void load(int version) {
        byte[] bytes = store.bytes(version).orElseThrow(() -> new IllegalStateException("classifier model " + version + " vanished"));
        current = new Loaded(version, ChecklistClassifier.fromBytes(bytes));
        LOG.infof("classifier model version %d loaded (%d bytes)", version, bytes.length);
    }

    void start(@Observes StartupEvent ignored) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "classifier-model");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (!retrainEvery.isZero() && !retrainEvery.isNegative()) {
            timer.scheduleWithFixedDelay(this::scheduledRetrain, retrainEvery.toMillis(), retrainEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void poll() {
        try {
            if (current == null) {
                loaded();
            } else {
                refresh();
            }
        } catch (RuntimeException e) {
            LOG.debugf("classifier model: not refreshed now (%s); keeping version %s", e.toString(),
                    current == null ? "none" : current.version());
        }
    }

    private void scheduledRetrain() {
        try {
            Retrained r = retrainIfNewCorrections();
            if (r.trained()) {
                LOG.infof("classifier model version %d trained on schedule with %d corrections", r.version(), r.corrections());
            }
        } catch (RuntimeException e) {
            LOG.warnf("scheduled retraining failed, next in %s: %s", retrainEvery, e.getMessage());
        }
    }

    private static String replicaName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "replica";
        }
    }
}
