package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
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
 * Keeps held deliveries hidden: one held past half its visibility timeout (waiting in its lane, a
 * slow store) has its timeout extended, in one batched call per beat, until it has been held for
 * the cap; after that it is left to come back.
 */
final class Heartbeat {
  private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

  private final RequestSource source;
  private final Duration timeout;
  private final Duration cap;
  private final Clock clock;
  private final ConsumerEvents events;

  /**
   * By position: a delivery is replaced by its resolved self on its way, and keeps its position.
   */
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  private record Held(Delivery delivery, Instant received, Instant hiddenUntil) {}

  Heartbeat(RequestSource source, Duration timeout, Duration cap, Clock clock) {
    this(source, timeout, cap, clock, ConsumerEvents.NONE);
  }

  Heartbeat(
      RequestSource source, Duration timeout, Duration cap, Clock clock, ConsumerEvents events) {
    this.source = source;
    this.timeout = timeout;
    this.cap = cap;
    this.clock = clock;
    this.events = events;
  }

  /** How often {@link #beat} should run. */
  Duration interval() {
    return Duration.ofMillis(Math.max(200, timeout.toMillis() / 4));
  }

  void received(Delivery delivery) {
    Instant now = clock.instant();
    held.put(delivery.position(), new Held(delivery, now, now.plus(timeout)));
  }

  void finished(Delivery delivery) {
    held.remove(delivery.position());
  }

  int size() {
    return held.size();
  }

  /** Extends every delivery within half a timeout of becoming visible again, up to the cap. */
  void beat() {
    Instant now = clock.instant();
    Instant soon = now.plus(timeout.dividedBy(2));
    List<Delivery> due = new ArrayList<>();
    held.forEach(
        (position, h) -> {
          if (h.hiddenUntil().isBefore(soon) && h.received().plus(cap).isAfter(now)) {
            due.add(h.delivery());
          }
        });
    if (due.isEmpty()) {
      return;
    }
    try {
      source.extendVisibility(due, timeout);
      due.forEach(events::heartbeat);
      due.forEach(
          d ->
              held.computeIfPresent(
                  d.position(), (k, h) -> new Held(h.delivery(), h.received(), now.plus(timeout))));
    } catch (RuntimeException failure) {
      log.warn(
          "could not extend the visibility of {} requests ({}): they may come back while held",
          due.size(),
          Failures.describe(failure));
    }
  }
}
