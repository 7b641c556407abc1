package io.xxgk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CPU time and memory of processes, from /proc (Linux). Anything unreadable counts as unknown (-1). */
final class ProcStats {

    /** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux the JDK supports in practice. */
    static final double HZ = 100.0;

    private ProcStats() {
    }

    /** A watched process; {@code tree}: include its children (PostgreSQL's backends), living and exited. */
    record Watched(String name, long pid, boolean tree) {
    }

    /** CPU seconds per watched process, plus "machine" (all busy CPU time) at one instant. */
    static Map<String, Double> cpuSeconds(List<Watched> watched) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Watched w : watched) {
            long ticks = w.tree() ? treeTicks(w.pid()) : ownTicks(w.pid(), false);
            out.put(w.name(), ticks < 0 ? -1 : ticks / HZ);
        }
        out.put("machine", machineBusyTicks() / HZ);
        return out;
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> d = new LinkedHashMap<>();
        after.forEach((k, v) -> {
            Double b = before.get(k);
            d.put(k, b == null || b < 0 || v < 0 ? -1 : v - b);
        });
        return d;
    }

    private static long treeTicks(long pid) {
        long own = ownTicks(pid, true);
        if (own < 0) {
            return -1;
        }
        long sum = own;
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isPresent()) {
            for (ProcessHandle c : h.get().descendants().toList()) {
                long t = ownTicks(c.pid(), true);
                if (t > 0) {
                    sum += t;
                }
            }
        }
        return sum;
    }

    /** utime + stime (+ cutime + cstime of reaped children when {@code withChildren}). */
    static long ownTicks(long pid, boolean withChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state); utime = field 14 → f[11], stime f[12], cutime f[13], cstime f[14]
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withChildren) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            return total - Long.parseLong(f[4]) - Long.parseLong(f[5]); // minus idle and iowait
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Proportional set size: shared pages (PostgreSQL's shared buffers) divided among the processes that map them. */
    static long pssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** PSS of a process and all its descendants (PostgreSQL: postmaster + backends + background workers). */
    static long treePssKib(long pid) {
        long own = pssKib(pid);
        if (own < 0) {
            return -1;
        }
        long sum = own;
        for (ProcessHandle c : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            long p = pssKib(c.pid());
            if (p > 0) {
                sum += p;
            }
        }
        return sum;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // unknown
        }
        return "unknown CPU";
    }

    static long memTotalKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
