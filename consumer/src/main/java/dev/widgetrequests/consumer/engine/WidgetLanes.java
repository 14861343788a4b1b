package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The widgets' lanes: a delivery of a widget's request waits in its widget's lane, and the lane's
 * task takes what waits there, up to {@value #MOST_AT_ONCE} at a time, applies their requests to
 * the store in one call (docs/design/consumer.md, "Coalescing in the lane") and ends each delivery
 * by what the store did with its request, through its {@link Settlement}. Lanes run concurrently
 * across widgets but one task at a time, in order, for each widget, so two requests for one widget
 * never race. Once a lane has released a request, the lane is blocked by it until it runs dry: the
 * widget's later requests are released behind it, not applied ahead of it. Never retries a call
 * itself: the SDK has retried it already, and the source's redelivery is the next try
 * (docs/design/consumer.md, "One retry owner per call").
 */
final class WidgetLanes<D extends Delivery> implements Dispatch.LaneTask<D> {

  /** At most this many waiting requests of one widget are folded into one store call. */
  private static final int MOST_AT_ONCE = 32;

  private final Executor executor;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Settlement<D>> blockedBy = new ConcurrentHashMap<>();

  private final WidgetStore store;
  private final Clock clock;
  private final BooleanSupplier running;
  private final Settlement.FailureListener listener;
  private final ConcurrentHashMap<String, ArrayDeque<Waiting<D>>> waiting =
      new ConcurrentHashMap<>();

  private record Waiting<D extends Delivery>(Settlement<D> settlement, ParseResult.Valid parsed) {}

  /**
   * @param running false once the engine is stopping: what has not started is given back
   * @param listener hears of a refused write, for the engine's metrics and fatal stops
   */
  WidgetLanes(
      Executor executor,
      WidgetStore store,
      Clock clock,
      BooleanSupplier running,
      Settlement.FailureListener listener) {
    this.executor = executor;
    this.store = store;
    this.clock = clock;
    this.running = running;
    this.listener = listener;
  }

  /** Runs {@code task} after every task submitted earlier for the same widget. */
  void submit(String widgetId, Runnable task) {
    CompletableFuture<Void> tail =
        tails.compute(
            widgetId,
            (id, previous) ->
                previous == null
                    ? CompletableFuture.runAsync(task, executor)
                    : previous.exceptionally(failure -> null).thenRunAsync(task, executor));
    // Forget the lane once it is idle, so the maps hold only widgets with work in flight.
    tail.whenComplete(
        (ignored, failure) -> {
          if (tails.remove(widgetId, tail)) {
            blockedBy.remove(widgetId);
          }
        });
  }

  /**
   * The delivery waits in its widget's lane; the lane's task for it, run after those of the
   * deliveries before it, takes it with whatever else of the lane waits by then.
   */
  @Override
  public void join(String widgetId, Settlement<D> settlement, ParseResult.Valid parsed) {
    waiting.compute(
        widgetId,
        (id, queue) -> {
          ArrayDeque<Waiting<D>> joined = queue == null ? new ArrayDeque<>() : queue;
          joined.add(new Waiting<>(settlement, parsed));
          return joined;
        });
    submit(widgetId, () -> runLane(widgetId));
  }

  /**
   * Each delivery's task runs after those of the deliveries before it, so when it runs, its own
   * delivery is either the first waiting or already taken by one of them: every delivery is taken
   * once, in its lane's order.
   */
  private List<Waiting<D>> take(String widgetId) {
    List<Waiting<D>> taken = new ArrayList<>();
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
    List<Waiting<D>> taken = take(widgetId);
    if (taken.isEmpty()) {
      return; // taken with an earlier delivery of the lane
    }
    List<Settlement<D>> lot = taken.stream().map(Waiting::settlement).toList();
    lot.forEach(Settlement::start);
    try {
      Settlement<D> blocker = blockedBy.get(widgetId);
      if (!running.getAsBoolean()) {
        lot.forEach(Settlement::giveBack);
      } else if (blocker != null) {
        lot.forEach(
            settlement ->
                settlement.releaseBehind(blocker, "behind a released request for the same widget"));
      } else {
        applyAll(lot, taken.stream().map(w -> w.parsed().request()).toList());
      }
    } catch (RuntimeException bug) {
      lot.stream().filter(settlement -> !settlement.ended()).forEach(s -> s.release(bug));
    }
    lot.stream()
        .filter(settlement -> settlement.outcome() instanceof Outcome.Released)
        .findFirst()
        .ifPresent(released -> blockedBy.putIfAbsent(widgetId, released));
  }

  /**
   * A delivery that can never be a widget's request (its body is not one, or what it points at
   * cannot be): dead-lettered with the reason, in no lane.
   */
  @Override
  public void reject(Settlement<D> settlement, String reason) {
    CompletableFuture.runAsync(
        () -> {
          settlement.start();
          try {
            settlement.deadLetter(new Outcome.Rejected(reason));
          } catch (RuntimeException bug) {
            if (!settlement.ended()) {
              settlement.release(bug);
            }
          }
        },
        executor);
  }

  /**
   * Takes requests of one widget, in their lane's order, to their ends: folds them into the store
   * in one call (one write for the lot, docs/design/consumer.md, "Coalescing in the lane"), then
   * ends each delivery by its own outcome. When the call fails, every delivery is released, the
   * later ones behind the first; when the store refuses the lot, each is applied by itself, so only
   * the request it cannot hold is dead-lettered.
   *
   * @param requests the parsed request of each delivery, in the same order
   * @return the outcome of each delivery, in the same order
   */
  List<Outcome> applyAll(List<Settlement<D>> lot, List<WidgetRequest> requests) {
    List<StoreOutcome> stored;
    try {
      stored = store(lot, requests);
    } catch (InfrastructureFailure.Refused refused) {
      if (lot.size() > 1) {
        List<Outcome> outcomes = new ArrayList<>(lot.size());
        for (int i = 0; i < lot.size(); i++) {
          outcomes.add(applyAll(List.of(lot.get(i)), List.of(requests.get(i))).getFirst());
        }
        return outcomes;
      }
      listener.failed(refused);
      return List.of(
          lot.getFirst()
              .deadLetter(new Outcome.Rejected("the store refused it: " + refused.describe())));
    } catch (RuntimeException failure) {
      return releaseAll(lot, failure);
    }
    List<Outcome> outcomes = new ArrayList<>(lot.size());
    for (int i = 0; i < lot.size(); i++) {
      outcomes.add(end(lot.get(i), stored.get(i)));
    }
    return outcomes;
  }

  /** One call to the store for the lot; the provenance is the last delivery's. */
  private List<StoreOutcome> store(List<Settlement<D>> lot, List<WidgetRequest> requests) {
    List<KeyedRequest> keyed = new ArrayList<>(lot.size());
    for (int i = 0; i < lot.size(); i++) {
      keyed.add(new KeyedRequest(lot.get(i).delivery().orderKey(), requests.get(i)));
    }
    Provenance provenance =
        new Provenance(
            requests.getLast().requestId(), clock.instant(), lot.getLast().delivery().position());
    return lot.size() == 1
        ? List.of(store.apply(keyed.getFirst(), provenance))
        : store.applyAll(keyed, provenance);
  }

  /** Ends one delivery by what the store did with its request. */
  private static Outcome end(Settlement<?> settlement, StoreOutcome outcome) {
    return switch (outcome) {
      case StoreOutcome.Applied a -> settlement.acknowledge(new Outcome.Applied());
      case StoreOutcome.Warned w -> settlement.acknowledge(new Outcome.Warned(w.reason()));
      case StoreOutcome.Duplicate d -> settlement.acknowledge(new Outcome.Duplicate(d.note()));
      case StoreOutcome.TooLate t -> settlement.deadLetter(new Outcome.TooLate(t.reason()));
      case StoreOutcome.Refused r -> settlement.deadLetter(new Outcome.Rejected(r.reason()));
    };
  }

  /**
   * Releases every delivery of a lot whose store call failed: the first as any failed request, the
   * later ones a little behind it, so the lane's order holds when they come back.
   */
  private static <D extends Delivery> List<Outcome> releaseAll(
      List<Settlement<D>> lot, RuntimeException failure) {
    List<Outcome> outcomes = new ArrayList<>(lot.size());
    Settlement<D> first = lot.getFirst();
    outcomes.add(first.release(failure));
    for (Settlement<D> later : lot.subList(1, lot.size())) {
      outcomes.add(later.releaseBehind(first, Failures.describe(failure)));
    }
    return outcomes;
  }
}
