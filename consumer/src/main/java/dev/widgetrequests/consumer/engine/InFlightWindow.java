package dev.widgetrequests.consumer.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * The engine's permits, as many as the store takes now: a store that throttles halves the window
 * (at most once a second, so one burst counts once), and while requests end well it grows by a
 * thirty-second of the concurrency every 100 ms, back up to the concurrency (AIMD: from the
 * smallest window to the whole in 3 s; docs/design/consumer.md, "Back-pressure"). Shrinking takes
 * permits out as they come back: a smaller window never interrupts what is in flight.
 */
final class InFlightWindow extends Semaphore {
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

  InFlightWindow(int max, Clock clock, IntConsumer changed) {
    super(max);
    this.max = max;
    this.min = Math.max(1, max / 16);
    this.step = Math.max(1, max / 32);
    this.size = max;
    this.clock = clock;
    this.changed = changed;
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
}
