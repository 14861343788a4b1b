package dev.widgetrequests.local.dashboard;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the stack and the consumers every interval on one thread, turns running totals into rates,
 * and keeps the last ten minutes for the chart. The page reads {@link #latest} at any time.
 */
final class Sampler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sampler.class);
  private static final long HISTORY_MILLIS = 10 * 60 * 1000;
  private static final long WIDGET_COUNT_MILLIS = 4000;

  private final DashboardSources sources;
  private final StackReader reader;
  private final ConsumerScrape scrape = new ConsumerScrape();
  private final Clock clock;
  private final RunningTotals outcomes = new RunningTotals();
  private final RunningTotals calls = new RunningTotals();
  private final ArrayDeque<Status.Point> history = new ArrayDeque<>();
  private final ArrayDeque<long[]> recentTotals = new ArrayDeque<>();
  private final long rateWindowMillis;
  private final ScheduledExecutorService timer;
  private Status previous;
  private Long nonEmptySince;
  private Status.Widgets widgets;
  private long widgetsAt;
  private volatile Status latest;

  Sampler(DashboardSources sources, Clock clock) {
    this.sources = sources;
    this.reader = new StackReader(sources);
    this.clock = clock;
    // Rates over a few seconds: smooth enough to read, quick enough to follow a run.
    this.rateWindowMillis = Math.max(5000, 3 * sources.interval().toMillis());
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("dashboard-sampler").factory());
    long millis = sources.interval().toMillis();
    timer.scheduleWithFixedDelay(this::sampleQuietly, 0, millis, TimeUnit.MILLISECONDS);
  }

  /** The latest reading, or {@code null} before the first one. */
  Status latest() {
    return latest;
  }

  private void sampleQuietly() {
    try {
      latest = sample();
    } catch (RuntimeException failure) {
      log.debug("dashboard could not read the stack", failure);
      Status last = latest;
      if (last != null) {
        latest = withError(last, String.valueOf(failure.getMessage()));
      }
    }
  }

  private Status sample() {
    long at = clock.millis();
    long[] depth = reader.queueDepth(sources.queueUrl());
    long waiting = depth[0] + depth[1] + depth[2];
    nonEmptySince = waiting == 0 ? null : (nonEmptySince == null ? at : nonEmptySince);
    List<Status.ConsumerView> consumers = readConsumers();
    calls.add("stack", sources.callCounts().totals());
    double seconds = previous == null ? 0 : Math.max(1e-3, (at - previous.at()) / 1e3);
    long applied = outcomes.get("applied");
    long tooLate = outcomes.get("too_late");
    long rejected = outcomes.get("rejected") + tooLate;
    long[] since = windowStart(at, applied, rejected);
    double windowSeconds = (at - since[0]) / 1e3;
    Status.Totals totals =
        new Status.Totals(
            applied,
            outcomes.get("warned"),
            rejected,
            tooLate,
            consumers.stream().mapToLong(Status.ConsumerView::inFlight).sum(),
            rate(applied, since[1], windowSeconds),
            rate(rejected, since[2], windowSeconds));
    history.addLast(
        new Status.Point(at, totals.appliedPerSecond(), totals.rejectedPerSecond(), waiting));
    while (!history.isEmpty() && history.peekFirst().at() < at - HISTORY_MILLIS) {
      history.removeFirst();
    }
    Status status =
        new Status(
            at,
            new Status.Queue(
                sources.queueUrl(),
                depth[0],
                depth[1],
                depth[2],
                nonEmptySince == null ? null : (at - nonEmptySince) / 1000),
            reader.deadLetters(),
            reader.rejectedObjects(),
            widgets(at),
            totals,
            consumers,
            callRates(seconds),
            List.copyOf(history),
            null);
    previous = status;
    return status;
  }

  /** Counting means listing a bucket and scanning a table: every few seconds is enough. */
  private Status.Widgets widgets(long at) {
    if (widgets == null || at - widgetsAt >= WIDGET_COUNT_MILLIS) {
      widgets = reader.widgets();
      widgetsAt = at;
    }
    return widgets;
  }

  /** The oldest totals within the rate window, after recording these. */
  private long[] windowStart(long at, long applied, long rejected) {
    recentTotals.addLast(new long[] {at, applied, rejected});
    while (recentTotals.size() > 2 && recentTotals.peekFirst()[0] < at - rateWindowMillis) {
      recentTotals.removeFirst();
    }
    return recentTotals.peekFirst();
  }

  private List<Status.ConsumerView> readConsumers() {
    List<Status.ConsumerView> views = new ArrayList<>();
    for (URI endpoint : sources.consumerMetrics()) {
      var reading = scrape.read(endpoint);
      reading.ifPresent(r -> outcomes.add(endpoint.toString(), r.outcomes()));
      views.add(
          new Status.ConsumerView(
              endpoint.toString(),
              reading.isPresent(),
              reading.map(r -> r.outcomes().getOrDefault("applied", 0L)).orElse(0L),
              reading
                  .map(
                      r ->
                          r.outcomes().getOrDefault("rejected", 0L)
                              + r.outcomes().getOrDefault("too_late", 0L))
                  .orElse(0L),
              reading.map(ConsumerScrape.Reading::inFlight).orElse(0L)));
    }
    return views;
  }

  private Map<String, Status.CallRate> callRates(double seconds) {
    Map<String, Status.CallRate> rates = new TreeMap<>();
    Map<String, Status.CallRate> before = previous == null ? Map.of() : previous.calls();
    calls
        .all()
        .forEach(
            (service, total) -> {
              long was = before.containsKey(service) ? before.get(service).total() : total;
              rates.put(service, new Status.CallRate(total, rate(total, was, seconds)));
            });
    return rates;
  }

  private static double rate(long now, long before, double seconds) {
    return seconds <= 0 ? 0 : Math.max(0, now - before) / seconds;
  }

  private static Status withError(Status last, String error) {
    return new Status(
        last.at(),
        last.queue(),
        last.deadLetters(),
        last.rejectedObjects(),
        last.widgets(),
        last.totals(),
        last.consumers(),
        last.calls(),
        last.history(),
        error);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
