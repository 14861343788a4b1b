package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.failure.InfrastructureFailure;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes requests from the source and applies them on virtual threads, many at a time but one at a
 * time per widget. Several polls run at once (as many as the source allows and the concurrency
 * needs), each only when there is room for a whole batch, so the requests held stay bounded. Stops
 * on request, at the maximum runtime or when idle: what is running finishes, what was received but
 * not started is given back at once.
 */
public final class ConsumerEngine {
  private static final Logger log = LoggerFactory.getLogger(ConsumerEngine.class);

  /** One poll for about this many requests in flight. */
  private static final int REQUESTS_PER_POLL_LOOP = 16;

  private final RequestSource source;
  private final RequestParser parser;
  private final WidgetStore store;
  private final Settlement.Ledger ledger;
  private final EngineSettings settings;
  private final Clock clock;
  private final ConsumerEvents events;
  private final ConsumerStats stats = new ConsumerStats();
  private final Permits permits;
  private final Heartbeat heartbeat;
  private final RateCap rateCap;
  private final List<Thread> loops = new ArrayList<>();
  private volatile boolean running = true;
  private final AtomicReference<InfrastructureFailure.Fatal> fatal = new AtomicReference<>();
  private final Set<Thread> polling = ConcurrentHashMap.newKeySet();

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
    this.permits = new Permits(settings.concurrency(), clock, events::window);
    this.heartbeat =
        source
            .lease()
            .map(lease -> new Heartbeat(lease, settings.heldAtMost(), clock, events))
            .orElse(null);
    this.store = store;
    this.rateCap = RateCap.of(settings.maxRate());
    this.ledger = new Settlement.Ledger(source, stats, events, heartbeat, permits, this::failed);
  }

  /** Runs until stopped, the maximum runtime passes, or the source stays idle; then drains. */
  public ConsumerStats.Summary run() {
    Instant start = clock.instant();
    events.window(permits.size());
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      WidgetLanes lanes = new WidgetLanes(workers);
      RequestProcessor processor =
          new RequestProcessor(store, lanes, clock, this::running, this::failed);
      Dispatch dispatch = new Dispatch(source, parser, workers, lanes, processor);
      PollLoop.Shared shared = new PollLoop.Shared(clock.instant());
      int count = pollLoops();
      synchronized (loops) {
        for (int i = 0; i < count && running; i++) {
          PollLoop loop = new PollLoop(this, dispatch, shared, start);
          loops.add(Thread.ofVirtual().name("poll-" + i).start(loop::run));
        }
      }
      Thread beats =
          heartbeat == null ? null : Thread.ofVirtual().name("heartbeat").start(this::beat);
      joinLoops();
      drain();
      if (beats != null) {
        beats.interrupt();
      }
    } finally {
      source.flush();
    }
    return stats.summary(Duration.between(start, clock.instant()));
  }

  /**
   * Asks a running engine to stop taking requests; {@link #run} returns once drained. A loop
   * waiting for room is woken at once; a loop in a long poll is left to finish it (at most the
   * source's wait time), and what that poll brings is given back: an interrupted receive would
   * leave its messages hidden in the queue for their whole visibility timeout.
   */
  public void stop() {
    running = false;
    synchronized (loops) {
      loops.stream().filter(loop -> !polling.contains(loop)).forEach(Thread::interrupt);
    }
  }

  /**
   * Why the engine stopped on its own, when a source or store said the deployment is broken (access
   * denied, a queue or table gone): the consumer's exit code says so. Empty after a normal stop.
   */
  public Optional<String> fatalFailure() {
    return Optional.ofNullable(fatal.get()).map(InfrastructureFailure::describe);
  }

  /**
   * A throttled call shrinks the window; a fatal failure stops the engine (the first is kept and
   * logged); the others concern one call only.
   */
  void failed(InfrastructureFailure failure) {
    if (failure instanceof InfrastructureFailure.Throttled) {
      permits.throttled();
    }
    if (failure instanceof InfrastructureFailure.Fatal broken
        && fatal.compareAndSet(null, broken)) {
      log.error(
          "stopping: {} ({}); what is in flight is drained, the rest stays in the source",
          broken.describe(),
          source.describe());
      stop();
    }
  }

  /** Marks the calling loop as inside a poll, which a stop lets finish. */
  void pollStarting() {
    polling.add(Thread.currentThread());
  }

  void pollEnded() {
    polling.remove(Thread.currentThread());
  }

  /** The counts so far. */
  public ConsumerStats.Summary progress() {
    return stats.summary(Duration.ZERO);
  }

  boolean running() {
    return running;
  }

  RequestSource source() {
    return source;
  }

  EngineSettings settings() {
    return settings;
  }

  Clock clock() {
    return clock;
  }

  Permits permits() {
    return permits;
  }

  RateCap rateCap() {
    return rateCap;
  }

  /** A delivery was received: it holds a permit until its settlement ends it. */
  Settlement received(Delivery delivery) {
    return ledger.open(delivery);
  }

  /** True when no delivery is held. */
  boolean idle() {
    return ledger.idle();
  }

  private int pollLoops() {
    int wanted = (settings.concurrency() + REQUESTS_PER_POLL_LOOP - 1) / REQUESTS_PER_POLL_LOOP;
    return Math.max(1, Math.min(source.pollsInFlight(), wanted));
  }

  private void joinLoops() {
    for (Thread loop : List.copyOf(loops)) {
      try {
        loop.join();
      } catch (InterruptedException interrupted) {
        stop();
      }
    }
    Thread.interrupted(); // a stop's interrupt must not break the drain
  }

  private void beat() {
    try {
      while (true) {
        Thread.sleep(heartbeat.interval());
        heartbeat.beat();
      }
    } catch (InterruptedException stopped) {
      // drained
    }
  }

  private void drain() {
    permits.open(); // what the store's throttling withheld must not count as still in flight
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
}
