package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.RequestSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One delivery from the poll that received it to its one ending: it holds the delivery's permit
 * (given back through its widget's fair share of the {@link Permits}), its place in the heartbeat,
 * and ends exactly once, in one of five ways: {@link #acknowledge} (applied, warned, or a proven
 * duplicate), {@link #deadLetter} (with its reason), {@link #release} (to come back later, or
 * behind another), {@link #giveBack} (never started: at once), or {@link #gone} (the source ended
 * it itself). A second ending is a bug: it throws, and the first one stands
 * (docs/design/consumer.md, "The walk").
 */
final class Settlement<D extends Delivery> {

  /** Hears of each infrastructure failure, for what concerns the whole engine. */
  interface FailureListener {
    void failed(InfrastructureFailure failure);
  }

  /** What every settlement of one engine reports to: made once per run. */
  static final class Ledger<D extends Delivery> {
    private final RequestSource<D> source;
    private final ConsumerStats stats;
    private final ConsumerEvents events;
    private final Heartbeat<D> heartbeat;
    private final Permits permits;
    private final FailureListener listener;
    private final AtomicInteger held = new AtomicInteger();

    /**
     * @param heartbeat the lease keeper, or {@code null} for a source without leases
     */
    Ledger(
        RequestSource<D> source,
        ConsumerStats stats,
        ConsumerEvents events,
        Heartbeat<D> heartbeat,
        Permits permits,
        FailureListener listener) {
      this.source = source;
      this.stats = stats;
      this.events = events;
      this.heartbeat = heartbeat;
      this.permits = permits;
      this.listener = listener;
    }

    /** A delivery was received holding one permit: from here it is held until it ends. */
    Settlement<D> open(D delivery) {
      Settlement<D> settlement = new Settlement<>(this, delivery);
      held.incrementAndGet();
      stats.started(System.nanoTime());
      events.dispatched(delivery);
      if (heartbeat != null) {
        heartbeat.held(settlement);
      }
      return settlement;
    }

    /** True when no delivery is held. */
    boolean idle() {
      return held.get() == 0;
    }
  }

  private final Ledger<D> ledger;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile D delivery;
  private volatile ParseResult parsed;
  private volatile String widgetId;
  private volatile Outcome outcome;

  private Settlement(Ledger<D> ledger, D delivery) {
    this.ledger = ledger;
    this.delivery = delivery;
  }

  /** The delivery as it is now: what the source received, or what it resolved that to. */
  D delivery() {
    return delivery;
  }

  /** The source resolved the delivery (a claim check's object was read): it carries the request. */
  void resolved(D resolved) {
    this.delivery = resolved;
  }

  /** The delivery's body was read as a request, valid or not. */
  void parsed(ParseResult result) {
    this.parsed = result;
  }

  /**
   * The delivery joins its widget's lane; beyond the widget's share of the permits its own goes
   * back, and it waits in the lane without one (docs/design/consumer.md, "Fair lanes").
   */
  void joined(String widget) {
    this.widgetId = widget;
    ledger.permits.joined(widget);
  }

  /** A worker began applying the delivery. */
  void start() {
    if (started.compareAndSet(false, true)) {
      ledger.events.started(delivery);
    }
  }

  /** Whether the delivery has ended. */
  boolean ended() {
    return ended.get();
  }

  /** How it ended; {@code null} while it has not. */
  Outcome outcome() {
    return outcome;
  }

  /**
   * The store holds the request (applied, warned, or a duplicate): removes it from the source. A
   * failed removal releases it: its next delivery is a duplicate the store recognises.
   */
  Outcome acknowledge(Outcome done) {
    if (!(done instanceof Outcome.Applied
        || done instanceof Outcome.Warned
        || done instanceof Outcome.Duplicate)) {
      throw new IllegalArgumentException("not an outcome to acknowledge: " + done);
    }
    claim(done);
    try {
      ledger.source.acknowledge(delivery);
      return finish(done);
    } catch (RuntimeException failure) {
      return releasedAfter(failure);
    }
  }

  /**
   * The request can never be applied ({@link Outcome.Rejected}) or came too late to fold in ({@link
   * Outcome.TooLate}): dead-letters it with its reason. A failed dead-lettering releases it, never
   * dead-letters that failure (it would loop).
   */
  Outcome deadLetter(Outcome why) {
    String reason =
        switch (why) {
          case Outcome.Rejected rejected -> rejected.reason();
          case Outcome.TooLate late -> late.reason();
          default -> throw new IllegalArgumentException("not a reason to dead-letter: " + why);
        };
    claim(why);
    try {
      ledger.source.deadLetter(delivery, reason);
      return finish(why);
    } catch (RuntimeException failure) {
      return releasedAfter(failure);
    }
  }

  /** The call for the request failed: releases it to come back after a backoff. */
  Outcome release(RuntimeException failure) {
    claim(failure);
    return releasedAfter(failure);
  }

  /**
   * Releases the delivery to come back no sooner than {@code first}, which comes before it in its
   * widget's lane and was released.
   */
  Outcome releaseBehind(Settlement<D> first, String why) {
    claim(why);
    ledger.events.retried(delivery, new IllegalStateException(why));
    return finish(sendBack(Redelivery.behind(first.delivery()), why));
  }

  /** The delivery was never started (stopping): back to the source at once. */
  Outcome giveBack() {
    claim("given back");
    return finish(sendBack(Redelivery.now(), "stopping: given back unstarted"));
  }

  /** The source ended the delivery itself (its object is gone): nothing to do, nothing counted. */
  Outcome gone(String why) {
    claim(why);
    return finish(new Outcome.Gone(why));
  }

  private Outcome releasedAfter(RuntimeException failure) {
    if (failure instanceof InfrastructureFailure known) {
      ledger.listener.failed(known);
    }
    ledger.events.retried(delivery, failure);
    return finish(sendBack(Redelivery.later(), Failures.describe(failure)));
  }

  /** Still safe when the release fails: the request comes back after its timeout. */
  private Outcome.Released sendBack(Redelivery<D> when, String why) {
    try {
      ledger.source.release(delivery, when);
      return new Outcome.Released(why);
    } catch (RuntimeException releaseFailed) {
      return new Outcome.Released(
          why + "; release failed too: " + Failures.describe(releaseFailed));
    }
  }

  private void claim(Object ending) {
    if (!ended.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "delivery "
              + delivery.position()
              + " ended twice: as "
              + outcome
              + ", then as "
              + ending);
    }
  }

  /** Counts, logs and reports the ending once, and gives the permit and the lease back. */
  private Outcome finish(Outcome ending) {
    outcome = ending;
    start();
    try {
      if (ending instanceof Outcome.Applied
          || ending instanceof Outcome.Warned
          || ending instanceof Outcome.Duplicate) {
        ledger.permits.succeeded();
      }
      ledger.stats.record(ending);
      RequestLog.record(delivery, parsed, ending);
      // Observers see every delivery end, once; one that never got parsed counts as unreadable.
      ledger.events.finished(
          delivery, parsed != null ? parsed : new ParseResult.Invalid(List.of()), ending);
    } finally {
      if (ledger.heartbeat != null) {
        ledger.heartbeat.released(this);
      }
      ledger.held.decrementAndGet();
      ledger.permits.ended(widgetId);
    }
    return ending;
  }
}
