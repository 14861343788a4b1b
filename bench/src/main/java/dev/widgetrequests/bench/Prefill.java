package dev.widgetrequests.bench;

import dev.widgetrequests.producer.run.Producer;
import dev.widgetrequests.producer.run.ProducerSettings;
import dev.widgetrequests.producer.run.ProductionSummary;
import dev.widgetrequests.producer.run.Progress;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import dev.widgetrequests.producer.sink.RequestSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Fills a path's source with the project's producer at full speed ({@code -ird 0}) and keeps what
 * it sent, for the raw ceiling's writes.
 */
final class Prefill {
  private Prefill() {}

  /** The requests sent, in production order. */
  record Sent(int count, List<OutgoingRequest> requests) {}

  /**
   * The producer's rate sending {@code requests} to {@code sink}, as {@code -ird 0} runs it:
   * nothing is recorded on the way, so only the producer's own work is timed.
   */
  static double rate(RequestSink sink, int requests, long seed) {
    ProductionSummary summary = produce(sink, requests, seed);
    return requests / Math.max(1e-9, summary.elapsed().toNanos() / 1e9);
  }

  static Sent fill(RequestSink sink, int requests, long seed) {
    List<OutgoingRequest> all = Collections.synchronizedList(new ArrayList<>());
    RequestSink recording =
        new RequestSink() {
          @Override
          public void verify() {
            sink.verify();
          }

          @Override
          public void send(List<OutgoingRequest> batch) {
            sink.send(batch);
            all.addAll(batch);
          }

          @Override
          public int maxBatchSize() {
            return sink.maxBatchSize();
          }

          @Override
          public boolean keepsWidgetOrder() {
            return sink.keepsWidgetOrder();
          }

          @Override
          public String describe() {
            return sink.describe();
          }
        };
    produce(recording, requests, seed);
    // The producer's keys sort in production order; its sender loops may finish out of it.
    List<OutgoingRequest> inOrder =
        all.stream().sorted(Comparator.comparing(OutgoingRequest::key)).toList();
    return new Sent(requests, inOrder);
  }

  private static ProductionSummary produce(RequestSink sink, int requests, long seed) {
    ProducerSettings settings = new ProducerSettings(requests, Duration.ZERO, Duration.ZERO, seed);
    ProductionSummary summary =
        new Producer(sink, settings, Clock.systemUTC(), Progress.none()).run();
    if (summary.failed()) {
      throw new IllegalStateException("producing failed: " + summary.failure());
    }
    return summary;
  }
}
