package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.RequestSource;
import dev.widgetrequests.model.store.WidgetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes requests from the source and applies them on virtual threads, many at a time but one at a
 * time per widget (docs/design/consumer.md walks one delivery through it). Several poll loops run
 * at once (as many as the source allows and the concurrency needs), each polling only when there is
 * room for a whole batch, so the requests held stay bounded. Stops on request, at the maximum
 * runtime or when idle: what is running finishes, what was received but not started is given back
 * at once.
 */
public final class ConsumerEngine<D extends Delivery> {
  private static final Logger log = LoggerFactory.getLogger(ConsumerEngine.class);

  /** One poll for about this many requests in flight. */
  private static final int REQUESTS_PER_POLL_LOOP = 16;

  /** A poll waits for room for this many requests (an SQS receive's most). */
  private static final int BATCH_PERMITS = 10;

  private static final Backoff POLL_BACKOFF =
      new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

  private final RequestSource<D> source;
  private final RequestParser parser;
  private final WidgetStore store;
  private final Settlement.Ledger<D> ledger;
  private final EngineSettings settings;
  private final Clock clock;
  private final ConsumerEvents events;
  private final ConsumerStats stats = new ConsumerStats();
  private final Permits permits;
  private final Heartbeat<D> heartbeat;
  private final RateCap rateCap;
  private final List<Thread> loops = new ArrayList<>();
  private volatile boolean running = true;
  private final AtomicReference<InfrastructureFailure.Fatal> fatal = new AtomicReference<>();
  private final Set<Thread> polling = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Instant> lastWork = new AtomicReference<>(Instant.MIN);

  public ConsumerEngine(
      RequestSource<D> source,
      WidgetStore store,
      RequestParser parser,
      EngineSettings settings,
      Clock clock) {
    this(source, store, parser, settings, clock, ConsumerEvents.NONE);
  }

  /** Like the other constructor, telling {@code events} what happens to each request. */
  public ConsumerEngine(
      RequestSource<D> source,
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
            .map(lease -> new Heartbeat<>(lease, settings.heldAtMost(), clock, events))
            .orElse(null);
    this.store = store;
    this.rateCap = RateCap.of(settings.maxRate());
    this.ledger = new Settlement.Ledger<>(source, stats, events, heartbeat, permits, this::failed);
  }

  /** Runs until stopped, the maximum runtime passes, or the source stays idle; then drains. */
  public ConsumerStats.Summary run() {
    Instant start = clock.instant();
    events.window(permits.size());
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      WidgetLanes<D> lanes = new WidgetLanes<>(workers, store, clock, this::running, this::failed);
      Dispatch<D> dispatch = new Dispatch<>(source, parser, workers, lanes);
      lastWork.set(clock.instant());
      int count = pollLoops();
      synchronized (loops) {
        for (int i = 0; i < count && running; i++) {
          loops.add(Thread.ofVirtual().name("poll-" + i).start(() -> pollLoop(dispatch, start)));
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

  /** The counts so far. */
  public ConsumerStats.Summary progress() {
    return stats.summary(Duration.ZERO);
  }

  private boolean running() {
    return running;
  }

  /**
   * One poll loop: waits for room for a whole batch, polls, hands the batch on and polls again at
   * once; whatever a poll throws is logged and backed off, never ends the loop. A fatal failure
   * stops the engine; one loop ending (idle, runtime, stop, a bug) ends them all.
   */
  private void pollLoop(Dispatch<D> dispatch, Instant start) {
    try {
      int failures = 0;
      while (running && !pastMaxRuntime(start)) {
        int batchPermits;
        try {
          permits.awaitRoom();
          // A batch's permits fit in the window, however far the store has shrunk it.
          batchPermits = Math.min(BATCH_PERMITS, permits.size());
          permits.acquire(batchPermits);
        } catch (InterruptedException stopped) {
          break;
        }
        var place = dispatch.reserve();
        try {
          List<D> batch;
          try {
            batch = pollHolding(batchPermits);
            failures = 0;
          } catch (InterruptedException stopped) {
            permits.release(batchPermits);
            break;
          } catch (InfrastructureFailure.Fatal broken) {
            permits.release(batchPermits);
            failed(broken);
            break;
          } catch (RuntimeException failure) {
            permits.release(batchPermits);
            if (!running || !backOff(failure, ++failures)) {
              break; // a stop may surface as a failed poll: an interrupted call
            }
            continue;
          }
          if (batch == null || !take(batch, batchPermits, dispatch, place)) {
            break;
          }
        } finally {
          dispatch.fill(place, List.of()); // a place left empty would hold up every later batch
        }
      }
    } finally {
      stop();
    }
  }

  /** Polls with the batch's permits held; null (permits returned) when stopped meanwhile. */
  private List<D> pollHolding(int batchPermits) throws InterruptedException {
    if (!running) {
      permits.release(batchPermits);
      return null;
    }
    polling.add(Thread.currentThread()); // a stop lets a poll finish
    try {
      return source.poll();
    } finally {
      polling.remove(Thread.currentThread());
    }
  }

  /**
   * Opens a settlement for each delivery of the batch and hands them on, one permit each; a batch
   * larger than the permits held (a bucket listing) goes on in parts as permits free up. False when
   * it is time to stop.
   */
  private boolean take(
      List<D> batch,
      int batchPermits,
      Dispatch<D> dispatch,
      CompletableFuture<Dispatch.Started<D>> place) {
    if (batch.isEmpty()) {
      permits.release(batchPermits);
      if (idleTooLong()) {
        log.info("no requests for {} s: stopping", settings.exitWhenIdle().toSeconds());
        return false;
      }
      return true;
    }
    rateCap.take(batch.size()); // --max-rate: a stop meanwhile gives the batch back
    int held = batchPermits;
    for (int from = 0; from < batch.size(); ) {
      int part = Math.min(held, batch.size() - from);
      List<Settlement<D>> handed =
          batch.subList(from, from + part).stream().map(ledger::open).toList();
      if (from == 0) {
        dispatch.fill(place, handed);
      } else {
        dispatch.submit(handed);
      }
      from += part;
      held -= part;
      if (from < batch.size()) {
        held = Math.min(batchPermits, batch.size() - from);
        permits.acquireUninterruptibly(held);
      }
    }
    permits.release(held);
    lastWork.set(clock.instant());
    return true;
  }

  private boolean backOff(RuntimeException failure, int failures) {
    Duration wait = POLL_BACKOFF.delay(failures);
    log.warn(
        "reading {} failed ({}); trying again in {} ms",
        source.describe(),
        Failures.describe(failure),
        wait.toMillis());
    try {
      Thread.sleep(wait);
      return true;
    } catch (InterruptedException stopped) {
      return false;
    }
  }

  private boolean pastMaxRuntime(Instant start) {
    Duration max = settings.maxRuntime();
    return !max.isZero() && Duration.between(start, clock.instant()).compareTo(max) >= 0;
  }

  private boolean idleTooLong() {
    Duration idle = settings.exitWhenIdle();
    return idle != null
        && ledger.idle()
        && Duration.between(lastWork.get(), clock.instant()).compareTo(idle) >= 0;
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
