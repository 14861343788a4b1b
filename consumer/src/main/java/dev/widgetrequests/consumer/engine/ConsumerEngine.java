package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.failure.InfrastructureFailure;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** At most this many waiting requests of one widget are folded into one store call. */
  private static final int MOST_AT_ONCE = 32;

  private final RequestSource source;
  private final RequestParser parser;
  private final RequestProcessor processor;
  private final EngineSettings settings;
  private final Clock clock;
  private final ConsumerEvents events;
  private final ConsumerStats stats = new ConsumerStats();
  private final InFlightWindow permits;
  private final FairShare fairShare;
  private final Heartbeat heartbeat;
  private final AtomicInteger held = new AtomicInteger();
  private final List<Thread> loops = new ArrayList<>();
  private volatile boolean running = true;
  private final AtomicReference<InfrastructureFailure.Fatal> fatal = new AtomicReference<>();
  private final Set<Thread> polling = ConcurrentHashMap.newKeySet();
  private WidgetLanes lanes;

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
    this.permits = new InFlightWindow(settings.concurrency(), clock, events::window);
    this.fairShare = FairShare.of(permits, settings.concurrency());
    this.heartbeat =
        source
            .visibilityTimeout()
            .map(timeout -> new Heartbeat(source, timeout, settings.heldAtMost(), clock, events))
            .orElse(null);
    this.processor = new RequestProcessor(source, store, clock, events, this::failed);
  }

  /** Runs until stopped, the maximum runtime passes, or the source stays idle; then drains. */
  public ConsumerStats.Summary run() {
    Instant start = clock.instant();
    events.window(permits.size());
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      lanes = new WidgetLanes(workers);
      Dispatch dispatch = new Dispatch(source, parser, workers, lanes, fairShare, new Lane());
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

  InFlightWindow permits() {
    return permits;
  }

  FairShare fairShare() {
    return fairShare;
  }

  /** A delivery was received: it holds a permit until its lane task ends. */
  void received(Delivery delivery) {
    held.incrementAndGet();
    stats.started(System.nanoTime());
    events.dispatched(delivery);
    if (heartbeat != null) {
      heartbeat.received(delivery);
    }
  }

  /** True when no delivery is held. */
  boolean idle() {
    return held.get() == 0;
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

  /**
   * A widget's lane: its waiting deliveries are taken up to {@value #MOST_AT_ONCE} at a time and
   * applied in one store call (docs/design/consumer.md, "Coalescing in the lane"), unless stopping
   * or held up behind a released request; each then ends by its own outcome.
   */
  private final class Lane implements Dispatch.LaneTask {
    private final ConcurrentHashMap<String, ArrayDeque<Waiting>> waiting =
        new ConcurrentHashMap<>();

    private record Waiting(Delivery delivery, ParseResult.Valid parsed) {}

    @Override
    public Runnable join(String widgetId, Delivery delivery, ParseResult.Valid parsed) {
      waiting.compute(
          widgetId,
          (id, queue) -> {
            ArrayDeque<Waiting> joined = queue == null ? new ArrayDeque<>() : queue;
            joined.add(new Waiting(delivery, parsed));
            return joined;
          });
      return () -> runLane(widgetId);
    }

    /**
     * Each delivery's task runs after those of the deliveries before it, so when it runs, its own
     * delivery is either the first waiting or already taken by one of them: every delivery is taken
     * once, in its lane's order.
     */
    private List<Waiting> take(String widgetId) {
      List<Waiting> taken = new ArrayList<>();
      waiting.computeIfPresent(
          widgetId,
          (id, queue) -> {
            while (!queue.isEmpty() && taken.size() < MOST_AT_ONCE) {
              taken.add(queue.poll());
            }
            return queue.isEmpty() ? null : queue;
          });
      return taken;
    }

    private void runLane(String widgetId) {
      List<Waiting> batch = take(widgetId);
      if (batch.isEmpty()) {
        return; // taken with an earlier delivery of the lane
      }
      List<Delivery> deliveries = batch.stream().map(Waiting::delivery).toList();
      deliveries.forEach(events::started);
      List<Outcome> outcomes;
      try {
        Delivery blocker = lanes.blockedBy(widgetId);
        if (!running) {
          outcomes = deliveries.stream().map(this::giveBack).toList();
        } else if (blocker != null) {
          outcomes = deliveries.stream().map(delivery -> releaseBehind(delivery, blocker)).toList();
        } else {
          outcomes =
              processor.applyAll(
                  deliveries, batch.stream().map(waiting -> waiting.parsed().request()).toList());
        }
      } catch (RuntimeException failure) {
        Outcome released = new Outcome.Released(Failures.describe(failure));
        outcomes = deliveries.stream().map(delivery -> released).toList();
      }
      for (int i = 0; i < batch.size(); i++) {
        Outcome outcome = outcomes.get(i);
        if (outcome instanceof Outcome.Released) {
          lanes.block(widgetId, deliveries.get(i));
        }
        end(deliveries.get(i), batch.get(i).parsed(), outcome, widgetId);
      }
    }

    private Outcome releaseBehind(Delivery delivery, Delivery blocker) {
      try {
        source.releaseBehind(delivery, blocker);
        return new Outcome.Released("behind a released request for the same widget");
      } catch (RuntimeException failure) {
        return new Outcome.Released(Failures.describe(failure));
      }
    }

    /** A delivery that is no widget's request: dead-lettered unless stopping. */
    @Override
    public void run(Delivery delivery, ParseResult parsed, String widgetId) {
      events.started(delivery);
      Outcome outcome;
      try {
        outcome = running ? processor.process(delivery, parsed) : giveBack(delivery);
      } catch (RuntimeException failure) {
        outcome = new Outcome.Released(Failures.describe(failure));
      }
      end(delivery, parsed, outcome, widgetId);
    }

    @Override
    public void ended(Delivery delivery, Outcome outcome) {
      events.started(delivery);
      end(delivery, null, outcome, null);
    }

    @Override
    public void refuse(Delivery delivery, String reason) {
      events.started(delivery);
      Outcome outcome;
      try {
        outcome = processor.reject(delivery, reason);
      } catch (RuntimeException failure) {
        outcome = new Outcome.Released(Failures.describe(failure));
      }
      end(delivery, null, outcome, null);
    }

    private void end(Delivery delivery, ParseResult parsed, Outcome outcome, String widgetId) {
      try {
        if (outcome instanceof Outcome.Applied
            || outcome instanceof Outcome.Warned
            || outcome instanceof Outcome.Duplicate) {
          permits.succeeded();
        }
        stats.record(outcome);
        RequestLog.record(delivery, parsed, outcome);
        // Observers see every delivery end, once; one that never got parsed counts as unreadable.
        events.finished(
            delivery, parsed != null ? parsed : new ParseResult.Invalid(List.of()), outcome);
      } finally {
        if (heartbeat != null) {
          heartbeat.finished(delivery);
        }
        held.decrementAndGet();
        fairShare.ended(widgetId);
      }
    }

    private Outcome giveBack(Delivery delivery) {
      try {
        source.giveBack(delivery);
        return new Outcome.Released("stopping: given back unstarted");
      } catch (RuntimeException failure) {
        return new Outcome.Released(
            "stopping; could not give it back, it comes back after its timeout: "
                + Failures.describe(failure));
      }
    }
  }
}
