package dev.widgetrequests.consumer.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs tasks concurrently across widgets but one at a time, in submission order, for each widget,
 * so two requests for one widget never race and keep their source order.
 */
final class WidgetLanes {
  private final Executor executor;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails =
      new ConcurrentHashMap<>();

  WidgetLanes(Executor executor) {
    this.executor = executor;
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
    // Forget the lane once it is idle, so the map holds only widgets with work in flight.
    tail.whenComplete((ignored, failure) -> tails.remove(widgetId, tail));
  }

  /** Runs a task that belongs to no widget. */
  void submitUnordered(Runnable task) {
    CompletableFuture.runAsync(task, executor);
  }
}
