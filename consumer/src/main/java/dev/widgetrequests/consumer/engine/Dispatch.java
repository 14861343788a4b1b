package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
import dev.widgetrequests.source.Resolution;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Takes a received batch to the lanes off the poll loop: resolves every delivery that needs it at
 * once (a claim check's object is fetched in parallel; a body needs nothing), then hands them to
 * their widgets' lanes in the order they were received. A failed fetch releases its own delivery
 * only.
 */
final class Dispatch {
  private final RequestSource source;
  private final RequestParser parser;
  private final ExecutorService workers;
  private final WidgetLanes lanes;
  private final LaneTask task;
  private final FairShare fairShare;
  private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);

  /** What runs in a lane for one delivery; it ends the delivery and frees its permit. */
  interface LaneTask {
    /** Ends a delivery that is no widget's request (it could not be parsed). */
    void run(Delivery delivery, ParseResult parsed, String widgetId);

    /**
     * The delivery waits in its widget's lane; the task returned, run in the lane's order, takes it
     * with whatever else of the lane waits by then.
     */
    Runnable join(String widgetId, Delivery delivery, ParseResult.Valid parsed);

    /** The delivery ended before reaching a lane (the source ended it, or the fetch failed). */
    void ended(Delivery delivery, Outcome outcome);

    /** What the delivery points at can never be a request: dead-letter it. */
    void refuse(Delivery delivery, String reason);
  }

  record Resolved(Resolution resolution, RuntimeException failure) {}

  Dispatch(
      RequestSource source,
      RequestParser parser,
      ExecutorService workers,
      WidgetLanes lanes,
      FairShare fairShare,
      LaneTask task) {
    this.source = source;
    this.parser = parser;
    this.workers = workers;
    this.lanes = lanes;
    this.task = task;
    this.fairShare = fairShare;
  }

  /** A received batch whose deliveries are being resolved. */
  record Started(List<Delivery> batch, List<CompletableFuture<Resolved>> resolving) {}

  /**
   * Takes a place in the hand-over order before a poll, so batches reach the lanes in the order
   * their receives began, whichever answers first. The place must be filled, if only with nothing.
   */
  synchronized CompletableFuture<Started> reserve() {
    CompletableFuture<Started> place = new CompletableFuture<>();
    handedOver = handedOver.thenCompose(ready -> place).thenAcceptAsync(this::handOver, workers);
    return place;
  }

  /** Starts resolving every delivery of the batch at once; a filled place stays as it was. */
  void fill(CompletableFuture<Started> place, List<Delivery> batch) {
    if (place.isDone()) {
      return;
    }
    place.complete(new Started(batch, batch.stream().map(this::resolving).toList()));
  }

  /**
   * A fetch on a thread of its own where the source has one to make; the delivery itself if not.
   */
  private CompletableFuture<Resolved> resolving(Delivery delivery) {
    return source.needsResolving(delivery)
        ? CompletableFuture.supplyAsync(() -> resolve(delivery), workers)
        : CompletableFuture.completedFuture(new Resolved(new Resolution.Ready(delivery), null));
  }

  /** Hands a batch on after everything reserved or submitted before it. */
  void submit(List<Delivery> batch) {
    fill(reserve(), batch);
  }

  private void handOver(Started started) {
    for (int i = 0; i < started.batch().size(); i++) {
      toLane(started.batch().get(i), started.resolving().get(i).join());
    }
  }

  private Resolved resolve(Delivery delivery) {
    try {
      return new Resolved(source.resolve(delivery), null);
    } catch (RuntimeException failure) {
      return new Resolved(null, failure);
    }
  }

  private void toLane(Delivery received, Resolved resolved) {
    if (resolved.failure() != null) {
      task.ended(received, release(received, resolved.failure()));
      return;
    }
    Delivery delivery;
    switch (resolved.resolution()) {
      case Resolution.Ready ready -> delivery = ready.delivery();
      case Resolution.Gone gone -> {
        task.ended(received, new Outcome.Gone(gone.why()));
        return;
      }
      case Resolution.Refused refused -> {
        lanes.submitUnordered(() -> task.refuse(refused.delivery(), refused.reason()));
        return;
      }
    }
    ParseResult parsed = parser.parse(delivery.body());
    if (parsed instanceof ParseResult.Valid valid) {
      String widgetId = valid.request().widgetId();
      fairShare.joined(widgetId);
      lanes.submit(widgetId, task.join(widgetId, delivery, valid));
    } else {
      lanes.submitUnordered(() -> task.run(delivery, parsed, null));
    }
  }

  private Outcome release(Delivery delivery, RuntimeException failure) {
    String error = Failures.describe(failure);
    try {
      source.release(delivery);
    } catch (RuntimeException releaseFailed) {
      error += "; release failed too: " + Failures.describe(releaseFailed);
    }
    return new Outcome.Released(error);
  }
}
