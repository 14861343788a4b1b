package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The poll loop: takes requests from the source and applies them on virtual threads, several at a
 * time but one at a time per widget. Backs off when the source fails; stops on request, at the
 * maximum runtime or when idle, finishing what is in flight first.
 */
public final class ConsumerEngine {
  private static final Logger log = LoggerFactory.getLogger(ConsumerEngine.class);

  private final RequestSource source;
  private final RequestParser parser;
  private final RequestProcessor processor;
  private final EngineSettings settings;
  private final Clock clock;
  private final ConsumerEvents events;
  private final ConsumerStats stats = new ConsumerStats();
  private final Semaphore permits;
  private final Backoff pollBackoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
  private volatile boolean running = true;
  private volatile Thread loopThread;

  public ConsumerEngine(
      RequestSource source,
      WidgetStore store,
      RequestParser parser,
      EngineSettings settings,
      Clock clock) {
    this(source, store, parser, settings, clock, ConsumerEvents.NONE);
  }

  /** Like the other constructor, telling {@code events} what happens to each request. */
  public ConsumerEngine(
      RequestSource source,
      WidgetStore store,
      RequestParser parser,
      EngineSettings settings,
      Clock clock,
      ConsumerEvents events) {
    this.source = source;
    this.events = events;
    this.parser = parser;
    this.settings = settings;
    this.clock = clock;
    this.permits = new Semaphore(settings.concurrency());
    this.processor =
        new RequestProcessor(
            source,
            store,
            clock,
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)),
            duration -> Thread.sleep(duration),
            events);
  }

  /** Runs until stopped, the maximum runtime passes, or the source stays idle; then drains. */
  public ConsumerStats.Summary run() {
    loopThread = Thread.currentThread();
    Instant start = clock.instant();
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      WidgetLanes lanes = new WidgetLanes(workers);
      pollUntilStopped(lanes, start);
      drain();
    } finally {
      source.flush();
    }
    return stats.summary(Duration.between(start, clock.instant()));
  }

  /** Asks a running engine to stop taking requests; {@link #run} returns once drained. */
  public void stop() {
    running = false;
    Thread thread = loopThread;
    if (thread != null) {
      thread.interrupt(); // ends a long poll early
    }
  }

  /** The counts so far. */
  public ConsumerStats.Summary progress() {
    return stats.summary(Duration.ZERO);
  }

  private void pollUntilStopped(WidgetLanes lanes, Instant start) {
    Instant lastWork = clock.instant();
    int failures = 0;
    while (running && !pastMaxRuntime(start)) {
      List<Delivery> batch;
      try {
        batch = source.poll();
        failures = 0;
      } catch (InterruptedException | AbortedException stopped) {
        break;
      } catch (SdkException failure) {
        failures++;
        if (!backOff(failure, failures)) {
          break;
        }
        continue;
      }
      if (batch.isEmpty()) {
        if (idleTooLong(lastWork)) {
          log.info("no requests for {} s: stopping", settings.exitWhenIdle().toSeconds());
          break;
        }
        continue;
      }
      if (!dispatch(batch, lanes)) {
        break;
      }
      lastWork = clock.instant();
    }
    Thread.interrupted(); // a stop's interrupt must not break the drain
  }

  /** Hands each delivery to its widget's lane; false when stopped before all were handed over. */
  private boolean dispatch(List<Delivery> batch, WidgetLanes lanes) {
    for (int i = 0; i < batch.size(); i++) {
      Delivery delivery = batch.get(i);
      try {
        if (!running) {
          throw new InterruptedException();
        }
        permits.acquire();
      } catch (InterruptedException stopped) {
        batch.subList(i, batch.size()).forEach(this::releaseQuietly);
        return false;
      }
      stats.started(System.nanoTime());
      events.dispatched(delivery);
      ParseResult parsed = parser.parse(delivery.body());
      Runnable task = () -> handle(delivery, parsed);
      if (parsed instanceof ParseResult.Valid valid) {
        lanes.submit(valid.request().widgetId(), task);
      } else {
        lanes.submitUnordered(task);
      }
    }
    return true;
  }

  private void handle(Delivery delivery, ParseResult parsed) {
    try {
      events.started(delivery);
      Outcome outcome = processor.process(delivery, parsed);
      stats.record(outcome);
      events.finished(delivery, parsed, outcome);
      RequestLog.record(delivery, parsed, outcome);
    } finally {
      permits.release();
    }
  }

  private boolean backOff(SdkException failure, int failures) {
    Duration wait = pollBackoff.delay(failures);
    log.warn(
        "reading {} failed ({}); trying again in {} ms",
        source.describe(),
        TransientFailures.describe(failure),
        wait.toMillis());
    try {
      Thread.sleep(wait);
      return true;
    } catch (InterruptedException stopped) {
      return false;
    }
  }

  private void drain() {
    try {
      if (!permits.tryAcquire(
          settings.concurrency(), settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "{} requests still in flight after {} s; they stay in the source and come back",
            settings.concurrency() - permits.availablePermits(),
            settings.drainTimeout().toSeconds());
      } else {
        permits.release(settings.concurrency());
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean pastMaxRuntime(Instant start) {
    return !settings.maxRuntime().isZero()
        && Duration.between(start, clock.instant()).compareTo(settings.maxRuntime()) >= 0;
  }

  private boolean idleTooLong(Instant lastWork) {
    return settings.exitWhenIdle() != null
        && permits.availablePermits() == settings.concurrency()
        && Duration.between(lastWork, clock.instant()).compareTo(settings.exitWhenIdle()) >= 0;
  }

  private void releaseQuietly(Delivery delivery) {
    try {
      source.release(delivery);
    } catch (RuntimeException failure) {
      log.debug("could not release {}: it comes back after its timeout", delivery.position());
    }
  }
}
