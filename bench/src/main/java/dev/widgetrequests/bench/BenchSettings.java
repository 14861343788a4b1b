package dev.widgetrequests.bench;

import java.time.Duration;
import java.util.List;

/**
 * What one bench run measures.
 *
 * @param requests requests per drain of the consumer and the raw ceiling
 * @param warmUp requests the consumer drains first, not counted (JIT warm-up)
 * @param baselineSample the most requests the one-at-a-time consumer drains
 * @param baselineCap the longest the one-at-a-time consumer drains
 * @param latenciesMillis the added latencies per call to measure at
 * @param paths the paths to measure
 * @param producer also compare the producer with a bare SDK send loop
 * @param producerRequests requests per round of the producer and of the bare send loop
 * @param producerRounds rounds of each, taking turns; the table gives the medians
 * @param consumerJvmOptions extra JVM options for the consumer child (e.g. a profiler)
 * @param consumerOptions extra {@code widgets consumer} options for the consumer child
 */
record BenchSettings(
    int requests,
    int warmUp,
    int baselineSample,
    Duration baselineCap,
    List<Integer> latenciesMillis,
    List<BenchPath> paths,
    boolean producer,
    int producerRequests,
    int producerRounds,
    List<String> consumerJvmOptions,
    List<String> consumerOptions,
    long seed) {}
