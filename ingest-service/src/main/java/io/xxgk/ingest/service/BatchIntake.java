package io.xxgk.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.failure.TransientFailures;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.repository.Item;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.service.ItemIntakeService.Accepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Up to 1,000 items at once (POST /api/v1/items/batch, file imports). Invalid or forbidden ones are answered one by
 * one before anything is written. The valid ones are stored in <b>one transaction</b>, items and outbox rows together
 * with whatever the caller records about the batch (an import's row results and progress): an item refused on its
 * own there (an id already used for other content, an event too large) is answered with its problem and writes
 * nothing, and the others are kept. Only if the database refuses the shared transaction for good (a concurrent
 * request won the race for a new id, a constraint) does the batch fall back to one transaction per item, so that one
 * bad item never costs the others. A transient failure (database unavailable) reaches the caller.
 */
@ApplicationScoped
public class BatchIntake {

    private static final Logger LOG = Logger.getLogger(BatchIntake.class);

    private final ItemIntakeService intake;

    public BatchIntake(ItemIntakeService intake) {
        this.intake = intake;
    }

    /** One line of a batch answer: either accepted or a problem. */
    public record BatchResult(int index, String id, int status, Accepted accepted, ProblemException problem) {
    }

    public List<BatchResult> submit(Caller caller, List<ItemRequest> requests) {
        return submit(caller, requests, results -> {
        });
    }

    /**
     * @param inSameTransaction records the batch's results inside the transaction that stores its items (called once,
     *                          with every line answered; in the fallback, in a transaction of its own after the items)
     */
    public List<BatchResult> submit(Caller caller, List<ItemRequest> requests, Consumer<List<BatchResult>> inSameTransaction) {
        List<BatchResult> checked = new ArrayList<>(requests.size());
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ItemRequest r = requests.get(i);
            try {
                intake.check(caller, r);
                checked.add(null);
                valid.add(i);
            } catch (ProblemException e) {
                checked.add(problem(i, r == null ? null : r.id(), e));
            }
        }
        if (!hasDuplicateIds(requests, valid)) {
            try {
                List<BatchResult> results = QuarkusTransaction.requiringNew().call(() -> {
                    List<BatchResult> lines = storeTogether(requests, valid, checked);
                    inSameTransaction.accept(lines);
                    return lines;
                });
                intake.count(accepted(results));
                return results;
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.debugf(e, "a batch of %d items was refused as a whole; storing them one by one", valid.size());
            }
        }
        List<BatchResult> results = new ArrayList<>(checked);
        storeOneByOne(requests, valid, results);
        QuarkusTransaction.requiringNew().run(() -> inSameTransaction.accept(results));
        return results;
    }

    /**
     * Inside the shared transaction. Which ids exist is asked once for the batch, so a new item costs no lookup. An item
     * that {@link ItemIntakeService#store} refuses has written nothing (it is refused before its rows are persisted), so
     * the transaction stays good for the others. Flushed at the end (the items in Hibernate's batches, their revisions and
     * outbox rows in one JDBC batch each) so that the database's refusal arrives here, not at commit.
     */
    private List<BatchResult> storeTogether(List<ItemRequest> requests, List<Integer> valid, List<BatchResult> checked) {
        List<BatchResult> lines = new ArrayList<>(checked);
        Map<String, Set<String>> existing = new HashMap<>();
        valid.stream().map(requests::get).collect(Collectors.groupingBy(ItemRequest::schoolCode,
                        Collectors.mapping(ItemRequest::id, Collectors.toList())))
                .forEach((school, ids) -> existing.put(school, Item.existingIds(school, ids)));
        for (int i : valid) {
            ItemRequest r = requests.get(i);
            try {
                boolean mayExist = existing.get(r.schoolCode()).contains(r.id());
                lines.set(i, new BatchResult(i, r.id(), 202, intake.store(r, ItemIntakeService.contentHash(r), mayExist), null));
            } catch (ProblemException e) {
                lines.set(i, problem(i, r.id(), e));
            }
        }
        intake.flush();
        return lines;
    }

    /** The fallback: one transaction per item, each answered by its own outcome. */
    private void storeOneByOne(List<ItemRequest> requests, List<Integer> valid, List<BatchResult> results) {
        for (int i : valid) {
            ItemRequest r = requests.get(i);
            try {
                Accepted a = intake.inTransactionRetryingIdRace(() -> intake.store(r, ItemIntakeService.contentHash(r)));
                results.set(i, new BatchResult(i, r.id(), 202, a, null));
            } catch (ProblemException e) {
                results.set(i, problem(i, r.id(), e));
            } catch (PersistenceException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                // the database refuses this one item for good: answered as not stored, the others are kept
                LOG.errorf(e, "item '%s' of a batch could not be stored", r.id());
                results.set(i, problem(i, r.id(), new ProblemException(500, "not-stored", "未能保存 / Not stored",
                        "数据库拒绝保存此事项，其他事项不受影响 / the database refused to store this item; the others of the batch are stored",
                        null)));
            }
        }
    }

    private static BatchResult problem(int index, String id, ProblemException e) {
        return new BatchResult(index, id, e.status(), null, e);
    }

    private static List<Accepted> accepted(List<BatchResult> results) {
        return results.stream().filter(r -> r.accepted() != null).map(BatchResult::accepted).toList();
    }

    private static boolean hasDuplicateIds(List<ItemRequest> requests, List<Integer> valid) {
        return valid.stream().map(i -> requests.get(i).id()).distinct().count() < valid.size();
    }
}
