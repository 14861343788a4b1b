package dev.widgetrequests.local.dashboard;

import java.util.HashMap;
import java.util.Map;

/**
 * Adds up counters read from several sources over time: each new reading adds what grew since the
 * last one; a counter that went down started again from zero (a restarted consumer), so all of it
 * is new. Not thread safe: the sampler's one thread uses it.
 */
final class RunningTotals {
  private final Map<String, Map<String, Long>> last = new HashMap<>();
  private final Map<String, Long> totals = new HashMap<>();

  /** Takes one reading of {@code source}'s counters. */
  void add(String source, Map<String, Long> counters) {
    Map<String, Long> before = last.getOrDefault(source, Map.of());
    counters.forEach(
        (name, now) -> {
          long previous = before.getOrDefault(name, 0L);
          totals.merge(name, now >= previous ? now - previous : now, Long::sum);
        });
    last.put(source, Map.copyOf(counters));
  }

  long get(String name) {
    return totals.getOrDefault(name, 0L);
  }

  /** A copy of every total. */
  Map<String, Long> all() {
    return Map.copyOf(totals);
  }
}
