package io.xxgk.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.xxgk.contract.problem.ProblemException;
import io.xxgk.ingest.security.Caller;
import io.xxgk.ingest.service.ItemIntakeService.Accepted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import java.util.ArrayList;
import java.util.List;

/**
 * Up to 1,000 items at once (POST /api/v1/items/batch, file imports). Invalid or forbidden ones are answered one by
 * one; the valid ones are stored in one transaction (fast), falling back to one transaction each if any of them
 * conflicts, so that one bad item never costs the others.
 */
@ApplicationScoped
public class BatchIntake {

    private final ItemIntakeService intake;

    public BatchIntake(ItemIntakeService intake) {
        this.intake = intake;
    }

    /** One line of a batch answer: either accepted or a problem. */
    public record BatchResult(int index, String id, int status, Accepted accepted, ProblemException problem) {
    }

    public List<BatchResult> submit(Caller caller, List<ItemRequest> requests) {
        List<BatchResult> results = new ArrayList<>(requests.size());
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ItemRequest r = requests.get(i);
            try {
                intake.check(caller, r);
                results.add(null);
                valid.add(i);
            } catch (ProblemException e) {
                results.add(new BatchResult(i, r == null ? null : r.id(), e.status(), null, e));
            }
        }
        if (!valid.isEmpty() && !hasDuplicateIds(requests, valid) && storedTogether(requests, valid, results)) {
            return results;
        }
        storeOneByOne(requests, valid, results);
        return results;
    }

    /** The fast path: all valid items in one transaction; false if any of them spoiled it. */
    private boolean storedTogether(List<ItemRequest> requests, List<Integer> valid, List<BatchResult> results) {
        try {
            List<Accepted> stored = QuarkusTransaction.requiringNew().call(() -> {
                List<Accepted> out = new ArrayList<>();
                for (int i : valid) {
                    out.add(intake.store(requests.get(i), ItemIntakeService.contentHash(requests.get(i))));
                }
                return out;
            });
            for (int k = 0; k < valid.size(); k++) {
                int i = valid.get(k);
                results.set(i, new BatchResult(i, requests.get(i).id(), 202, stored.get(k), null));
            }
            intake.count(stored);
            return true;
        } catch (ProblemException | PersistenceException e) {
            // one conflicting item spoils the shared transaction: answer each on its own
            return false;
        }
    }

    /** The fallback: one transaction per item, each answered by its own outcome. */
    private void storeOneByOne(List<ItemRequest> requests, List<Integer> valid, List<BatchResult> results) {
        for (int i : valid) {
            ItemRequest r = requests.get(i);
            try {
                Accepted a = intake.inTransactionRetryingIdRace(() -> intake.store(r, ItemIntakeService.contentHash(r)));
                results.set(i, new BatchResult(i, r.id(), 202, a, null));
            } catch (ProblemException e) {
                results.set(i, new BatchResult(i, r.id(), e.status(), null, e));
            }
        }
    }

    private static boolean hasDuplicateIds(List<ItemRequest> requests, List<Integer> valid) {
        return valid.stream().map(i -> requests.get(i).id()).distinct().count() < valid.size();
    }
}
