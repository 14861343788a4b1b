package dev.widgetrequests.cli.bench;

import dev.widgetrequests.local.CallCounts;
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
 * @param callsPerRequest calls the stack answered (S3, SQS and DynamoDB together) per request
 *     handled over the drain, or -1 when not counted
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
    double callsPerRequest,
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

  /** Calls per request between two snapshots of the stack's call counts; -1 for no requests. */
  static double callsPerRequest(CallCounts before, CallCounts after, int handled) {
    return handled <= 0 ? -1 : (double) after.minus(before).total() / handled;
  }

  static long[] latencies(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
