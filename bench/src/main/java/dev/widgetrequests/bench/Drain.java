package dev.widgetrequests.bench;

import dev.widgetrequests.local.Metered;
import java.util.Arrays;
import java.util.List;

/**
 * What one drainer did with one path's requests.
 *
 * @param drainer who drained: consumer, one-at-a-time, raw ceiling
 * @param handled requests taken to their end
 * @param seconds from the drain's start to the last request handled
 * @param latenciesMillis per request: handled time minus the later of its send time and the drain
 *     start (the time it could first have been taken)
 * @param peakRssMb the drainer's peak resident memory, or -1 when it runs inside the bench
 * @param cpuMillisPerRequest the drainer's CPU time per request in steady state (from 30 % of the
 *     requests handled on), or -1 when not measured
 * @param cpuMillisPerRequestWithoutJit the same without the JIT compiler threads' CPU, or -1
 * @param metered the calls the stack answered over the drain and the DynamoDB capacity units they
 *     consumed, or null when not counted
 * @param note what the reader should know (a sample, a shortfall)
 */
record Drain(
    String drainer,
    int handled,
    double seconds,
    long[] latenciesMillis,
    double peakRssMb,
    double cpuMillisPerRequest,
    double cpuMillisPerRequestWithoutJit,
    Metered metered,
    String note) {

  double perSecond() {
    return seconds <= 0 ? 0 : handled / seconds;
  }

  long percentile(double p) {
    if (latenciesMillis.length == 0) {
      return -1;
    }
    long[] sorted = latenciesMillis.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** What the drain's calls cost, per request; null when not counted. */
  Cost cost() {
    return metered == null || handled <= 0 ? null : Cost.of(metered, handled);
  }

  static long[] latencies(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
