package dev.widgetrequests.consumer.engine;

import dev.widgetrequests.failure.InfrastructureFailure;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.StoreOutcome;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What a widget's lane does: takes the deliveries waiting in it, up to {@value #MOST_AT_ONCE} at a
 * time, applies their requests to the store in one call (docs/design/consumer.md, "Coalescing in
 * the lane"), unless stopping or held up behind a released request, and ends each delivery by what
 * the store did with its request, through its {@link Settlement}. Never retries a call itself: the
 * SDK has retried it already, and the source's redelivery (later each time, bounded by its redrive
 * policy) is the next try (docs/design/consumer.md, "One retry owner per call"). Never throws:
 * every path ends in an {@link Outcome}.
 */
final class RequestProcessor implements Dispatch.LaneTask {

  /** At most this many waiting requests of one widget are folded into one store call. */
  private static final int MOST_AT_ONCE = 32;

  /** Hears of each infrastructure failure, for what concerns the whole engine. */
  interface FailureListener {
    FailureListener NONE = failure -> {};

    void failed(InfrastructureFailure failure);
  }

  private final WidgetStore store;
  private final WidgetLanes lanes;
  private final Clock clock;
  private final BooleanSupplier running;
  private final FailureListener listener;
  private final ConcurrentHashMap<String, ArrayDeque<Waiting>> waiting = new ConcurrentHashMap<>();

  private record Waiting(Settlement settlement, ParseResult.Valid parsed) {}

  /**
   * @param running false once the engine is stopping: what has not started is given back
   */
  RequestProcessor(
      WidgetStore store,
      WidgetLanes lanes,
      Clock clock,
      BooleanSupplier running,
      FailureListener listener) {
    this.store = store;
    this.lanes = lanes;
    this.clock = clock;
    this.running = running;
    this.listener = listener;
  }

  @Override
  public Runnable join(String widgetId, Settlement settlement, ParseResult.Valid parsed) {
    waiting.compute(
        widgetId,
        (id, queue) -> {
          ArrayDeque<Waiting> joined = queue == null ? new ArrayDeque<>() : queue;
          joined.add(new Waiting(settlement, parsed));
          return joined;
        });
    return () -> runLane(widgetId);
  }

  /**
   * Each delivery's task runs after those of the deliveries before it, so when it runs, its own
   * delivery is either the first waiting or already taken by one of them: every delivery is taken
   * once, in its lane's order.
   */
  private List<Waiting> take(String widgetId) {
    List<Waiting> taken = new ArrayList<>();
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
    List<Waiting> taken = take(widgetId);
    if (taken.isEmpty()) {
      return; // taken with an earlier delivery of the lane
    }
    List<Settlement> lot = taken.stream().map(Waiting::settlement).toList();
    lot.forEach(Settlement::start);
    try {
      Settlement blocker = lanes.blockedBy(widgetId);
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
        .ifPresent(released -> lanes.block(widgetId, released));
  }

  /** A delivery that is no widget's request: dead-lettered unless stopping. */
  @Override
  public void run(Settlement settlement, ParseResult parsed) {
    settlement.start();
    try {
      if (running.getAsBoolean()) {
        process(settlement, parsed);
      } else {
        settlement.giveBack();
      }
    } catch (RuntimeException bug) {
      if (!settlement.ended()) {
        settlement.release(bug);
      }
    }
  }

  @Override
  public void refuse(Settlement settlement, String reason) {
    settlement.start();
    reject(settlement, reason);
  }

  /** Ends a delivery that is no widget's request: dead-lettered with the parser's reason. */
  Outcome process(Settlement settlement, ParseResult parsed) {
    return switch (parsed) {
      case ParseResult.Invalid invalid -> reject(settlement, invalid.reason());
      case ParseResult.Valid valid ->
          applyAll(List.of(settlement), List.of(valid.request())).getFirst();
    };
  }

  Outcome reject(Settlement settlement, String reason) {
    return settlement.deadLetter(new Outcome.Rejected(reason));
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
  List<Outcome> applyAll(List<Settlement> lot, List<WidgetRequest> requests) {
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
      return List.of(reject(lot.getFirst(), "the store refused it: " + refused.describe()));
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
  private List<StoreOutcome> store(List<Settlement> lot, List<WidgetRequest> requests) {
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
  private static Outcome end(Settlement settlement, StoreOutcome outcome) {
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
  private static List<Outcome> releaseAll(List<Settlement> lot, RuntimeException failure) {
    List<Outcome> outcomes = new ArrayList<>(lot.size());
    Settlement first = lot.getFirst();
    outcomes.add(first.release(failure));
    for (Settlement later : lot.subList(1, lot.size())) {
      outcomes.add(later.releaseBehind(first, Failures.describe(failure)));
    }
    return outcomes;
  }
}
