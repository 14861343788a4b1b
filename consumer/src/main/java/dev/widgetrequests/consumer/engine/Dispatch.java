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
 * Takes received batches to the lanes in the order their receives began, whichever answers first:
 * resolves every delivery that needs it at once (a claim check's object is fetched in parallel on a
 * worker of its own; a body needs nothing), then parses each and hands it to its widget's lane. The
 * hand-over runs on the thread that completes a batch's turn (the poll loop that received it,
 * usually, or the fetch that finished last), so a request with its body in the message passes no
 * thread of its own here. A failed fetch releases its own delivery only.
 */
final class Dispatch {
  private final RequestSource source;
  private final RequestParser parser;
  private final ExecutorService workers;
  private final WidgetLanes lanes;
  private final LaneTask task;
  private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);

  /** What runs in a lane for a delivery; it ends the delivery through its settlement. */
  interface LaneTask {
    /** Ends a delivery that is no widget's request (it could not be parsed). */
    void run(Settlement settlement, ParseResult parsed);

    /**
     * The delivery waits in its widget's lane; the task returned, run in the lane's order, takes it
     * with whatever else of the lane waits by then.
     */
    Runnable join(String widgetId, Settlement settlement, ParseResult.Valid parsed);

    /** What the delivery points at can never be a request: dead-letter it. */
    void refuse(Settlement settlement, String reason);
  }

  /** A resolved delivery, or the failure of its fetch. */
  record Resolved(Resolution resolution, RuntimeException failure) {}

  Dispatch(
      RequestSource source,
      RequestParser parser,
      ExecutorService workers,
      WidgetLanes lanes,
      LaneTask task) {
    this.source = source;
    this.parser = parser;
    this.workers = workers;
    this.lanes = lanes;
    this.task = task;
  }

  /** A received batch whose deliveries are being resolved. */
  record Started(List<Settlement> batch, List<CompletableFuture<Resolved>> resolving) {
    CompletableFuture<Started> whenResolved() {
      return CompletableFuture.allOf(resolving.toArray(CompletableFuture[]::new))
          .thenApply(done -> this);
    }
  }

  /**
   * Takes a place in the hand-over order before a poll, so batches reach the lanes in the order
   * their receives began, whichever answers first. The place must be filled, if only with nothing.
   */
  synchronized CompletableFuture<Started> reserve() {
    CompletableFuture<Started> place = new CompletableFuture<>();
    handedOver =
        handedOver
            .thenCompose(ready -> place)
            .thenCompose(Started::whenResolved)
            .thenAccept(this::handOver)
            .exceptionally(bug -> null); // a failed hand-over must not hold up every later one
    return place;
  }

  /** Starts resolving every delivery of the batch at once; a filled place stays as it was. */
  void fill(CompletableFuture<Started> place, List<Settlement> batch) {
    if (place.isDone()) {
      return;
    }
    place.complete(new Started(batch, batch.stream().map(this::resolving).toList()));
  }

  /** Hands a batch on after everything reserved or submitted before it. */
  void submit(List<Settlement> batch) {
    fill(reserve(), batch);
  }

  /**
   * A fetch on a worker of its own where the source has one to make; the delivery itself if not.
   */
  private CompletableFuture<Resolved> resolving(Settlement settlement) {
    Delivery delivery = settlement.delivery();
    return source.needsResolving(delivery)
        ? CompletableFuture.supplyAsync(() -> resolve(delivery), workers)
        : CompletableFuture.completedFuture(new Resolved(new Resolution.Ready(delivery), null));
  }

  private Resolved resolve(Delivery delivery) {
    try {
      return new Resolved(source.resolve(delivery), null);
    } catch (RuntimeException failure) {
      return new Resolved(null, failure);
    }
  }

  private void handOver(Started started) {
    for (int i = 0; i < started.batch().size(); i++) {
      Settlement settlement = started.batch().get(i);
      try {
        toLane(settlement, started.resolving().get(i).join());
      } catch (RuntimeException bug) {
        if (!settlement.ended()) {
          settlement.release(bug);
        }
      }
    }
  }

  private void toLane(Settlement settlement, Resolved resolved) {
    if (resolved.failure() != null) {
      settlement.release(resolved.failure());
      return;
    }
    switch (resolved.resolution()) {
      case Resolution.Ready ready -> settlement.resolved(ready.delivery());
      case Resolution.Gone gone -> {
        settlement.gone(gone.why());
        return;
      }
      case Resolution.Refused refused -> {
        settlement.resolved(refused.delivery());
        lanes.submitUnordered(() -> task.refuse(settlement, refused.reason()));
        return;
      }
    }
    ParseResult parsed = parser.parse(settlement.delivery().body());
    settlement.parsed(parsed);
    if (parsed instanceof ParseResult.Valid valid) {
      String widgetId = valid.request().widgetId();
      settlement.joined(widgetId);
      lanes.submit(widgetId, task.join(widgetId, settlement, valid));
    } else {
      lanes.submitUnordered(() -> task.run(settlement, parsed));
    }
  }
}
