package io.xxgk.classify.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.classify.model.ChecklistClassifier;
import io.xxgk.classify.model.Classification;
import io.xxgk.classify.repository.Correction;
import io.xxgk.contract.event.ItemKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The checklist classifier trained on the repository's training data plus every operator correction so far.
 * {@link #retrain()} swaps in a model that has learnt from the latest corrections.
 */
@ApplicationScoped
public class TrainedClassifier implements ItemClassifier {

    private static final Logger LOG = Logger.getLogger(TrainedClassifier.class);

    private volatile ChecklistClassifier current;

    @Override
    public Classification classify(String title, String body, String department, ItemKind kind, Integer hint) {
        ChecklistClassifier c = current;
        if (c == null) {
            c = retrainIfMissing();
        }
        return c.classify(title, body, department, kind, hint);
    }

    private synchronized ChecklistClassifier retrainIfMissing() {
        if (current == null) {
            retrain();
        }
        return current;
    }

    /** Trains on the shipped data and the corrections; returns the number of corrections used. */
    public synchronized int retrain() {
        List<String[]> corrections = QuarkusTransaction.requiringNew().call(() ->
                Correction.<Correction>list("action in ?1", List.of("CONFIRM", "CORRECT")).stream()
                        .map(c -> new String[]{c.title, c.afterItem == null ? "-" : c.afterItem.toString()})
                        .toList());
        long t0 = System.nanoTime();
        current = ChecklistClassifier.load(corrections);
        LOG.infof("classifier trained with %d operator corrections in %d ms", corrections.size(), (System.nanoTime() - t0) / 1_000_000);
        return corrections.size();
    }
}
