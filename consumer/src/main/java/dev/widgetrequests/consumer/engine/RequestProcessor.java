package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.apply.Change;
import dev.widgetrequests.model.apply.RequestApplier;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.time.Duration;

/**
 * Takes one delivered request to its end: applies it to the store and removes it from the source,
 * or dead-letters it, or leaves it in the source when the infrastructure keeps failing. Never
 * throws: every path ends in an {@link Outcome}.
 */
final class RequestProcessor {
  private static final int MAX_ATTEMPTS = 5;

  private final RequestSource source;
  private final WidgetStore store;
  private final Clock clock;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final ConsumerEvents events;

  RequestProcessor(
      RequestSource source, WidgetStore store, Clock clock, Backoff backoff, Sleeper sleeper) {
    this(source, store, clock, backoff, sleeper, ConsumerEvents.NONE);
  }

  RequestProcessor(
      RequestSource source,
      WidgetStore store,
      Clock clock,
      Backoff backoff,
      Sleeper sleeper,
      ConsumerEvents events) {
    this.events = events;
    this.source = source;
    this.store = store;
    this.clock = clock;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  Outcome process(Delivery delivery, ParseResult parsed) {
    return switch (parsed) {
      case ParseResult.Invalid invalid -> reject(delivery, invalid.reason());
      case ParseResult.Valid valid -> apply(delivery, valid.request());
    };
  }

  private Outcome reject(Delivery delivery, String reason) {
    return withRetries(
        delivery,
        () -> {
          source.deadLetter(delivery, reason);
          return new Outcome.Rejected(reason);
        });
  }

  private Outcome apply(Delivery delivery, WidgetRequest request) {
    return withRetries(
        delivery,
        () -> {
          Outcome outcome = applyToStore(delivery, request);
          source.acknowledge(delivery);
          return outcome;
        });
  }

  private Outcome applyToStore(Delivery delivery, WidgetRequest request) {
    Change change = RequestApplier.apply(request, store.find(request.widgetId(), request.owner()));
    switch (change) {
      case Change.Put put ->
          store.put(
              put.widget(),
              new Provenance(request.requestId(), clock.instant(), delivery.position()));
      case Change.Remove remove -> store.delete(remove.widget());
      case Change.Skip skip -> {
        return new Outcome.Warned(skip.warning());
      }
    }
    return new Outcome.Applied();
  }

  /**
   * Retries transient failures with backoff; gives the delivery back to its source when they
   * persist or when the failure is not transient (the source's redrive policy takes it from there).
   */
  private Outcome withRetries(Delivery delivery, Step step) {
    for (int attempt = 1; ; attempt++) {
      try {
        return step.run();
      } catch (RuntimeException failure) {
        if (!TransientFailures.isTransient(failure) || attempt == MAX_ATTEMPTS) {
          return release(delivery, failure);
        }
        events.retried(delivery, failure);
        try {
          sleeper.sleep(backoff.delay(attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return release(delivery, failure);
        }
      }
    }
  }

  private Outcome release(Delivery delivery, RuntimeException failure) {
    String error = TransientFailures.describe(failure);
    try {
      source.release(delivery);
    } catch (RuntimeException releaseFailed) {
      // Still safe: the request stays in its source and comes back after its timeout.
      error += "; release failed too: " + TransientFailures.describe(releaseFailed);
    }
    return new Outcome.Released(error);
  }

  @FunctionalInterface
  private interface Step {
    Outcome run();
  }

  /** Waits between retries; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }
}
