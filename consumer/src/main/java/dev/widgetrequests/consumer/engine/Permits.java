package dev.widgetrequests.consumer.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The engine's permits: one per delivery held, from its poll to its settlement. Two rules bound
 * them (docs/design/consumer.md):
 *
 * <ul>
 *   <li><b>The window</b> ("Back-pressure from the stores"): as many as the store takes now. A
 *       store that throttles halves the window (at most once a second, so one burst counts once),
 *       and while requests end well it grows by a thirty-second of the concurrency every 100 ms,
 *       back up to the concurrency (AIMD: from the smallest window to the whole in 3 s). Shrinking
 *       takes permits out as they come back: a smaller window never interrupts what is in flight.
 *   <li><b>The fair share</b> ("Fair lanes"): a widget's lane holds at most {@code share} of them;
 *       a delivery that arrives beyond that waits in its lane without one (parked), and takes the
 *       permit of the lane's next delivery to end. Parked deliveries keep their place in the lane,
 *       so the widget's order holds and none is sent back to the source. How many may be parked is
 *       bounded: when full, the poll loops wait.
 * </ul>
 */
final class Permits extends Semaphore {
  private static final long serialVersionUID = 1L;
  private static final Duration COOLDOWN = Duration.ofSeconds(1);
  private static final Duration GROWTH_INTERVAL = Duration.ofMillis(100);

  private final int max;
  private final int min;
  private final int step;
  private final transient Clock clock;
  private final transient IntConsumer changed;
  private int size;
  private Instant lastShrink = Instant.MIN;
  private Instant lastChange = Instant.MIN;

  private final int share;
  private final int maxParked;
  private final transient ReentrantLock lanesLock = new ReentrantLock();
  private final transient Condition room = lanesLock.newCondition();
  private final transient Map<String, Lane> lanes = new HashMap<>();
  private int parked;

  /** What one widget's lane holds: deliveries with a permit, and parked ones without. */
  private static final class Lane {
    int holding;
    int parked;
  }

  /**
   * {@code concurrency} permits, a widget's share an eighth of them (so eight hot widgets still
   * leave room), eight parked deliveries per permit at most.
   *
   * @param changed told the window's size each time it changes
   */
  Permits(int concurrency, Clock clock, IntConsumer changed) {
    this(concurrency, Math.max(1, concurrency / 8), 8 * concurrency, clock, changed);
  }

  Permits(int concurrency, int share, int maxParked, Clock clock, IntConsumer changed) {
    super(concurrency);
    this.max = concurrency;
    this.min = Math.max(1, concurrency / 16);
    this.step = Math.max(1, concurrency / 32);
    this.size = concurrency;
    this.clock = clock;
    this.changed = changed;
    this.share = share;
    this.maxParked = maxParked;
  }

  /** A call was throttled: halve the window, unless it was halved within the last second. */
  void throttled() {
    int now;
    synchronized (this) {
      Instant at = clock.instant();
      if (size == min || at.isBefore(lastShrink.plus(COOLDOWN))) {
        return;
      }
      int cut = size - Math.max(min, size / 2);
      reducePermits(cut);
      size -= cut;
      lastShrink = at;
      lastChange = at;
      now = size;
    }
    changed.accept(now);
  }

  /** A request ended without throttling: grows the window if it last changed 100 ms ago. */
  void succeeded() {
    int now;
    synchronized (this) {
      Instant at = clock.instant();
      if (size == max || at.isBefore(lastChange.plus(GROWTH_INTERVAL))) {
        return;
      }
      int growth = Math.min(step, max - size);
      size += growth;
      release(growth);
      lastChange = at;
      now = size;
    }
    changed.accept(now);
  }

  /** The window now: how many requests may be in flight. */
  synchronized int size() {
    return size;
  }

  /** Opens the window fully (to drain: every permit must be able to come back). */
  void open() {
    int now;
    synchronized (this) {
      release(max - size);
      size = max;
      now = size;
    }
    changed.accept(now);
  }

  /** A delivery holding one permit joins its widget's lane; beyond the share it gives it back. */
  void joined(String widgetId) {
    lanesLock.lock();
    try {
      Lane lane = lanes.computeIfAbsent(widgetId, id -> new Lane());
      if (lane.holding < share) {
        lane.holding++;
        return;
      }
      lane.parked++;
      parked++;
    } finally {
      lanesLock.unlock();
    }
    release();
  }

  /**
   * A delivery ended: its permit goes to a parked delivery of the same lane if there is one, else
   * back to the engine. A delivery in no lane ({@code null}) returns its own.
   */
  void ended(String widgetId) {
    if (widgetId != null && keptInLane(widgetId)) {
      return;
    }
    release();
  }

  private boolean keptInLane(String widgetId) {
    lanesLock.lock();
    try {
      Lane lane = lanes.get(widgetId);
      if (lane == null) {
        return false;
      }
      if (lane.parked > 0) {
        lane.parked--;
        parked--;
        room.signalAll();
        return true;
      }
      if (--lane.holding == 0) {
        lanes.remove(widgetId);
      }
      return false;
    } finally {
      lanesLock.unlock();
    }
  }

  /** Waits while the parked deliveries are at their bound, so nothing more is taken meanwhile. */
  void awaitRoom() throws InterruptedException {
    lanesLock.lock();
    try {
      while (parked >= maxParked) {
        room.await();
      }
    } finally {
      lanesLock.unlock();
    }
  }

  /** How many deliveries wait in their lanes without a permit. */
  int parked() {
    lanesLock.lock();
    try {
      return parked;
    } finally {
      lanesLock.unlock();
    }
  }
}
