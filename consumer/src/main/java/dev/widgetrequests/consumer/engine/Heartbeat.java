package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps held deliveries hidden: one held past half its lease (waiting in its lane, a slow store)
 * has its lease extended, in one batched call per beat, until it has been held for the cap; after
 * that it is left to come back. Each settlement is its own entry: two deliveries of one message
 * held at once (a redelivery while the first is still held) are extended each by its own receipt.
 */
final class Heartbeat<D extends Delivery> {
  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private final Lease<D> lease;
  private final Duration timeout;
  private final Duration cap;
  private final Clock clock;
  private final ConsumerEvents events;

  /** By settlement (by identity): one entry per delivery received. */
  private final Map<Settlement<D>, Held> held = new ConcurrentHashMap<>();

  private record Held(Instant received, Instant hiddenUntil) {}

  Heartbeat(Lease<D> lease, Duration cap, Clock clock) {
    this(lease, cap, clock, ConsumerEvents.NONE);
  }

  Heartbeat(Lease<D> lease, Duration cap, Clock clock, ConsumerEvents events) {
    this.lease = lease;
    this.timeout = lease.timeout();
    this.cap = cap;
    this.clock = clock;
    this.events = events;
  }

  /** How often {@link #beat} should run. */
  Duration interval() {
    return Duration.ofMillis(Math.max(200, timeout.toMillis() / 4));
  }

  void held(Settlement<D> settlement) {
    Instant now = clock.instant();
    held.put(settlement, new Held(now, now.plus(timeout)));
  }

  void released(Settlement<D> settlement) {
    held.remove(settlement);
  }

  int size() {
    return held.size();
  }

  /** Extends every delivery within half a timeout of becoming visible again, up to the cap. */
  void beat() {
    Instant now = clock.instant();
    Instant soon = now.plus(timeout.dividedBy(2));
    List<Settlement<D>> due = new ArrayList<>();
    held.forEach(
        (settlement, h) -> {
          if (h.hiddenUntil().isBefore(soon) && h.received().plus(cap).isAfter(now)) {
            due.add(settlement);
          }
        });
    if (due.isEmpty()) {
      return;
    }
    try {
      List<D> deliveries = due.stream().map(Settlement::delivery).toList();
      lease.extend(deliveries, timeout);
      deliveries.forEach(events::heartbeat);
      due.forEach(
          s -> held.computeIfPresent(s, (k, h) -> new Held(h.received(), now.plus(timeout))));
    } catch (RuntimeException failure) {
      log.warn(
          "could not extend the visibility of {} requests ({}): they may come back while held",
          due.size(),
          Failures.describe(failure));
    }
  }
}
