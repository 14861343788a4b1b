package dev.widgetrequests.consumer.metrics;

import dev.widgetrequests.consumer.engine.ConsumerEvents;
import dev.widgetrequests.consumer.engine.Outcome;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.source.Delivery;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The consumer's meters, kept in a Prometheus registry: {@code widgets_consumer_requests_total} by
 * outcome and type, {@code widgets_consumer_retries_total}, {@code
 * widgets_consumer_heartbeats_total}, the gauges {@code widgets_consumer_in_flight}, {@code
 * widgets_consumer_lane_backlog}, {@code widgets_consumer_window} (requests allowed in flight:
 * smaller while the store throttles) and {@code widgets_consumer_last_finished_timestamp_seconds},
 * and the histogram {@code widgets_consumer_lag_seconds} (now − the time in the request's order
 * key). Also keeps the few numbers the progress line prints.
 */
public final class ConsumerMetrics implements ConsumerEvents {
  /** Prometheus's text exposition format, as {@link MetricsServer} serves it. */
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private static final List<String> SERIES_SUFFIXES =
      List.of("_total", "_count", "_sum", "_bucket", "_max", "_created", "_info");

  static final Duration[] BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
    Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(1)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Clock clock;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger backlog = new AtomicInteger();
  private final AtomicInteger window = new AtomicInteger();
  private final Timer lag;
  private final Counter heartbeats;
  private final Counter keysOutOfBounds;

  /** The request counters by outcome and type, looked up once each rather than per request. */
  private final Map<Finished, Counter> requests = new ConcurrentHashMap<>();

  private record Finished(String outcome, String type) {}

  private final LongAdder handled = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final AtomicLong lastLagMillis = new AtomicLong(-1);
  private final AtomicLong lastFinishedMillis = new AtomicLong();

  public ConsumerMetrics(Clock clock) {
    this.clock = clock;
    registry.gauge("widgets.consumer.in.flight", inFlight);
    registry.gauge("widgets.consumer.lane.backlog", backlog);
    Gauge.builder(
            "widgets.consumer.last.finished.timestamp", lastFinishedMillis, at -> at.get() / 1e3)
        .description("when the latest request finished, in seconds since the epoch (0: none yet)")
        .baseUnit("seconds")
        .register(registry);
    registry.gauge("widgets.consumer.window", window);
    this.lag =
        Timer.builder("widgets.consumer.lag")
            .description("now minus the time in the order key of each request finished")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    this.heartbeats = registry.counter("widgets.consumer.heartbeats");
    this.keysOutOfBounds = registry.counter("widgets.consumer.keys.out_of_bounds");
  }

  /** Where the meters live; the AWS call timer registers there too. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in Prometheus text format. */
  public String scrape() {
    return scrape(Set.of());
  }

  /**
   * The meters with these Prometheus names (e.g. {@code widgets_consumer_requests_total}), or all
   * of them when none is named: a scraper that reads a few numbers often (the bench, ten times a
   * second) then costs the consumer a few lines, not the whole exposition.
   */
  public String scrape(Set<String> names) {
    if (names.isEmpty()) {
      return registry.scrape();
    }
    // The registry knows a counter as widgets_x, a timer as widgets_x_seconds: a series' name
    // (widgets_x_total, widgets_x_seconds_count) asks for its meter.
    Set<String> meters = new HashSet<>(names);
    for (String name : names) {
      for (String suffix : SERIES_SUFFIXES) {
        if (name.endsWith(suffix)) {
          meters.add(name.substring(0, name.length() - suffix.length()));
        }
      }
    }
    return registry.scrape(TEXT_FORMAT, meters);
  }

  @Override
  public void dispatched(Delivery delivery) {
    inFlight.incrementAndGet();
    backlog.incrementAndGet();
  }

  @Override
  public void window(int size) {
    window.set(size);
  }

  /** The in-flight window now: smaller while the store throttles. */
  public int window() {
    return window.get();
  }

  @Override
  public void started(Delivery delivery) {
    backlog.decrementAndGet();
  }

  @Override
  public void retried(Delivery delivery, RuntimeException failure) {
    retries.increment();
    registry.counter("widgets.consumer.retries").increment();
  }

  @Override
  public void finished(Delivery delivery, ParseResult parsed, Outcome outcome) {
    inFlight.decrementAndGet();
    if (outcome instanceof Outcome.Gone) {
      return; // its source ended it (another consumer took it): not a request handled here
    }
    requests
        .computeIfAbsent(
            new Finished(name(outcome), type(parsed)),
            key ->
                registry.counter(
                    "widgets.consumer.requests", "outcome", key.outcome(), "type", key.type()))
        .increment();
    if (!(outcome instanceof Outcome.Released)) {
      handled.increment();
      lastFinishedMillis.accumulateAndGet(clock.millis(), Math::max);
    }
    if (delivery.keyWarning().isPresent()) {
      keysOutOfBounds.increment();
    }
    OrderKeyTime.of(delivery.orderKey())
        .ifPresent(
            madeAt -> {
              Duration behind = Duration.between(madeAt, clock.instant());
              lag.record(behind.isNegative() ? Duration.ZERO : behind);
              lastLagMillis.set(Math.max(0, behind.toMillis()));
            });
  }

  @Override
  public void heartbeat(Delivery delivery) {
    heartbeats.increment();
  }

  /** What the progress line prints, read at once. */
  Snapshot snapshot() {
    return new Snapshot(handled.sum(), inFlight.get(), retries.sum(), lastLagMillis.get());
  }

  /**
   * @param lastLagMillis lag of the latest request finished whose order key has a time, or -1
   */
  record Snapshot(long handled, int inFlight, long retries, long lastLagMillis) {}

  static String name(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Applied a -> "applied";
      case Outcome.Warned w -> "warned";
      case Outcome.Duplicate d -> "duplicate";
      case Outcome.Rejected r -> "rejected";
      case Outcome.TooLate t -> "too_late";
      case Outcome.Released r -> "released";
      case Outcome.Gone g -> "gone";
    };
  }

  static String type(ParseResult parsed) {
    return switch (parsed) {
      case ParseResult.Invalid invalid -> "invalid";
      case ParseResult.Valid valid ->
          switch (valid.request()) {
            case CreateWidget c -> "create";
            case UpdateWidget u -> "update";
            case DeleteWidget d -> "delete";
          };
    };
  }
}
