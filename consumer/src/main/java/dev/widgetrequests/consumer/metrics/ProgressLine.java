package dev.widgetrequests.consumer.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line every few seconds while the consumer runs: requests handled and the rate since the
 * last line, in flight, retries, and the lag of the latest request. Silent while nothing happens.
 */
public final class ProgressLine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger("dev.widgetrequests.consumer.progress");

  private final ConsumerMetrics metrics;
  private final ScheduledExecutorService timer;
  private ConsumerMetrics.Snapshot last;
  private long lastNanos = System.nanoTime();

  /** Starts logging every {@code interval}. */
  public ProgressLine(ConsumerMetrics metrics, Duration interval) {
    this.metrics = metrics;
    this.last = metrics.snapshot();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("consumer-progress").factory());
    long millis = interval.toMillis();
    timer.scheduleAtFixedRate(this::report, millis, millis, TimeUnit.MILLISECONDS);
  }

  private synchronized void report() {
    ConsumerMetrics.Snapshot now = metrics.snapshot();
    long nanos = System.nanoTime();
    String line = line(last, now, Duration.ofNanos(nanos - lastNanos));
    last = now;
    lastNanos = nanos;
    if (line != null) {
      log.info(line);
    }
  }

  /** The line for what changed between two snapshots, or null when nothing did. */
  static String line(
      ConsumerMetrics.Snapshot before, ConsumerMetrics.Snapshot now, Duration between) {
    long done = now.handled() - before.handled();
    if (done == 0 && now.inFlight() == 0 && now.retries() == before.retries()) {
      return null;
    }
    double seconds = Math.max(between.toNanos() / 1e9, 1e-3);
    return String.format(
        "progress: %d handled (%.0f/s), %d in flight, %d retries, lag %s",
        now.handled(),
        done / seconds,
        now.inFlight(),
        now.retries(),
        now.lastLagMillis() < 0 ? "unknown" : String.format("%.1f s", now.lastLagMillis() / 1e3));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
