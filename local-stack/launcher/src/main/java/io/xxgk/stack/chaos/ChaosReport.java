package io.xxgk.stack.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chaos run found. {@code lost}: accepted (202) but not in the catalogue; {@code unexpected}: in the catalogue
 * although refused with a 4xx or never posted; {@code submittedTwice}: on the submitted topic more than once (same
 * ce_id); {@code deadLettered}: ids of this run on the dead-letter topic (all of them good items), with a reason each;
 * {@code stalledSeconds}: longest time without progress in the catalogue after the outage ended, until drained.
 */
public record ChaosReport(int posted, int accepted, int refused, int unanswered, int answers503, int answers5xx,
                          int connectionErrors, Set<String> lost, Set<String> unexpected, Map<String, Integer> submittedTwice,
                          Set<String> inCatalogueTwice, Map<String, String> deadLettered, long stalledSeconds,
                          boolean drained, List<String> timeline) {

    public int duplicated() {
        return submittedTwice.size() + inCatalogueTwice.size();
    }

    /** The one summary line of bench/chaos.sh. */
    public String line() {
        return "CHAOS accepted=" + accepted + " lost=" + lost.size() + " duplicated=" + duplicated() + " dead_lettered="
                + deadLettered.size() + " stalled_s=" + stalledSeconds;
    }

    /** Everything that went wrong, with counts and example ids; empty when the run was clean. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!drained) {
            p.add("the pipeline did not drain: " + lost.size() + " of " + accepted + " accepted ids never reached the catalogue"
                    + " (longest stall after the outage " + stalledSeconds + " s)");
        }
        if (!lost.isEmpty()) {
            p.add(lost.size() + " accepted ids are not in publish's catalogue, e.g. " + examples(lost));
        }
        if (!unexpected.isEmpty()) {
            p.add(unexpected.size() + " ids are in the catalogue although refused with a 4xx or never posted, e.g. "
                    + examples(unexpected));
        }
        if (!submittedTwice.isEmpty()) {
            p.add(submittedTwice.size() + " ids are on the submitted topic more than once, e.g. " + examples(submittedTwice.entrySet()));
        }
        if (!inCatalogueTwice.isEmpty()) {
            p.add(inCatalogueTwice.size() + " ids have more than one catalogue history row, e.g. " + examples(inCatalogueTwice));
        }
        if (!deadLettered.isEmpty()) {
            p.add(deadLettered.size() + " good items went to the dead-letter topic, e.g. " + examples(deadLettered.entrySet()));
        }
        if (answers5xx > 0) {
            p.add(answers5xx + " answers were a 5xx other than 503 (a client must be told 503 + Retry-After to retry)");
        }
        if (refused > 0) {
            p.add(refused + " valid items were refused with a 4xx");
        }
        if (unanswered > 0) {
            p.add(unanswered + " posts never got a final answer despite retries");
        }
        return p;
    }

    public String describe() {
        return line() + "\n  posted=" + posted + " refused_4xx=" + refused + " unanswered=" + unanswered + " answers_503="
                + answers503 + " answers_other_5xx=" + answers5xx + " connection_errors=" + connectionErrors + "\n  timeline: "
                + String.join("; ", timeline) + (problems().isEmpty() ? "" : "\n  - " + String.join("\n  - ", problems()));
    }

    private static String examples(java.util.Collection<?> c) {
        return c.stream().limit(5).map(String::valueOf).toList().toString();
    }
}
