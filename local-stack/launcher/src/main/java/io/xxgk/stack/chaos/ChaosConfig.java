package io.xxgk.stack.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One chaos run: {@code items} posted by {@code clients} threads (at most {@code ratePerSecond} in all, 0 = as fast
 * as they can) while each service, the object store and the broker are SIGKILLed and restarted in turn and
 * PostgreSQL is down for {@code outage}; then at most {@code drainTimeout} for the pipeline to catch up, given up
 * earlier if the catalogue makes no progress for {@code stallLimit}. {@code burst} more items are posted in batches
 * of 500 just before the outage, so that the consumers are in the middle of a backlog when the database goes.
 */
public record ChaosConfig(int items, int clients, double ratePerSecond, int burst, Duration outage, boolean killPostgres,
                          Duration settle, Duration drainTimeout, Duration stallLimit, List<String> schools) {

    public static final List<String> SCHOOLS = List.of("zzsz", "hnxx", "jclg", "xykj", "zjjhk");

    /** From environment-style keys (CHAOS_ITEMS ...), each with a default. */
    public static ChaosConfig from(Map<String, String> env) {
        return new ChaosConfig(
                Integer.parseInt(env.getOrDefault("CHAOS_ITEMS", "100000")),
                Integer.parseInt(env.getOrDefault("CHAOS_CLIENTS", "8")),
                Double.parseDouble(env.getOrDefault("CHAOS_RATE", "0")),
                Integer.parseInt(env.getOrDefault("CHAOS_BURST", "2000")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_OUTAGE_SECONDS", "180"))),
                !"false".equalsIgnoreCase(env.getOrDefault("CHAOS_KILL_POSTGRES", "true")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_SETTLE_SECONDS", "10"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_DRAIN_SECONDS", "1800"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CHAOS_STALL_LIMIT_SECONDS", "600"))),
                SCHOOLS);
    }
}
