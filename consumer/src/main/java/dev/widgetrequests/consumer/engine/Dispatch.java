package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.RequestSource;
import dev.widgetrequests.model.source.Resolution;
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
final class Dispatch<D extends Delivery> {
  private final RequestSource<D> source;
  private final RequestParser parser;
  private final ExecutorService workers;
  private final LaneTask<D> lanes;
  private CompletableFuture<Void> handedOver = CompletableFuture.completedFuture(null);

  /** Where a delivery goes next ({@link WidgetLanes}); it ends the delivery, off this thread. */
  interface LaneTask<D extends Delivery> {
    /** The delivery is a request of the widget: it joins the widget's lane, in order. */
    void join(String widgetId, Settlement<D> settlement, ParseResult.Valid parsed);

    /** The delivery can never be a widget's request: dead-letter it with the reason. */
    void reject(Settlement<D> settlement, String reason);
  }

  /** A resolved delivery, or the failure of its fetch. */
  record Resolved<D extends Delivery>(Resolution<D> resolution, RuntimeException failure) {}

  Dispatch(
      RequestSource<D> source, RequestParser parser, ExecutorService workers, LaneTask<D> lanes) {
    this.source = source;
    this.parser = parser;
    this.workers = workers;
    this.lanes = lanes;
  }

  /** A received batch whose deliveries are being resolved. */
  record Started<D extends Delivery>(
      List<Settlement<D>> batch, List<CompletableFuture<Resolved<D>>> resolving) {
    CompletableFuture<Started<D>> whenResolved() {
      return CompletableFuture.allOf(resolving.toArray(CompletableFuture[]::new))
          .thenApply(done -> this);
    }
  }

  /**
   * Takes a place in the hand-over order before a poll, so batches reach the lanes in the order
   * their receives began, whichever answers first. The place must be filled, if only with nothing.
   */
  synchronized CompletableFuture<Started<D>> reserve() {
    CompletableFuture<Started<D>> place = new CompletableFuture<>();
    handedOver =
        handedOver
            .thenCompose(ready -> place)
            .thenCompose(Started::whenResolved)
            .thenAccept(this::handOver)
            .exceptionally(bug -> null); // a failed hand-over must not hold up every later one
    return place;
  }

  /** Starts resolving every delivery of the batch at once; a filled place stays as it was. */
  void fill(CompletableFuture<Started<D>> place, List<Settlement<D>> batch) {
    if (place.isDone()) {
      return;
    }
    place.complete(new Started<>(batch, batch.stream().map(this::resolving).toList()));
  }

  /** Hands a batch on after everything reserved or submitted before it. */
  void submit(List<Settlement<D>> batch) {
    fill(reserve(), batch);
  }

  /**
   * A fetch on a worker of its own where the source has one to make; the delivery itself if not.
   */
  private CompletableFuture<Resolved<D>> resolving(Settlement<D> settlement) {
    D delivery = settlement.delivery();
    return source.needsResolving(delivery)
        ? CompletableFuture.supplyAsync(() -> resolve(delivery), workers)
        : CompletableFuture.completedFuture(new Resolved<>(new Resolution.Ready<>(delivery), null));
  }

  private Resolved<D> resolve(D delivery) {
    try {
      return new Resolved<>(source.resolve(delivery), null);
    } catch (RuntimeException failure) {
      return new Resolved<>(null, failure);
    }
  }

  private void handOver(Started<D> started) {
    for (int i = 0; i < started.batch().size(); i++) {
      Settlement<D> settlement = started.batch().get(i);
      try {
        toLane(settlement, started.resolving().get(i).join());
      } catch (RuntimeException bug) {
        if (!settlement.ended()) {
          settlement.release(bug);
        }
      }
    }
  }

  private void toLane(Settlement<D> settlement, Resolved<D> resolved) {
    if (resolved.failure() != null) {
      settlement.release(resolved.failure());
      return;
    }
    switch (resolved.resolution()) {
      case Resolution.Ready<D> ready -> settlement.resolved(ready.delivery());
      case Resolution.Gone<D> gone -> {
        settlement.gone(gone.why());
        return;
      }
      case Resolution.Refused<D> refused -> {
        settlement.resolved(refused.delivery());
        lanes.reject(settlement, refused.reason());
        return;
      }
    }
    ParseResult parsed = parser.parse(settlement.delivery().body());
    settlement.parsed(parsed);
    switch (parsed) {
      case ParseResult.Valid valid -> {
        String widgetId = valid.request().widgetId();
        settlement.joined(widgetId);
        lanes.join(widgetId, settlement, valid);
      }
      case ParseResult.Invalid invalid -> lanes.reject(settlement, invalid.reason());
    }
  }
}
