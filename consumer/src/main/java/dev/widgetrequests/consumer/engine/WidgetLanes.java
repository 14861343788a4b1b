package dev.widgetrequests.consumer.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Runs tasks concurrently across widgets but one at a time, in submission order, for each widget,
 * so two requests for one widget never race and keep their source order. Once a task of a lane has
 * released its request, the lane is blocked by it until the lane runs dry: the widget's later
 * requests must not overtake it.
 */
final class WidgetLanes {
  private final Executor executor;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Settlement> blockedBy = new ConcurrentHashMap<>();

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
    // Forget the lane once it is idle, so the maps hold only widgets with work in flight.
    tail.whenComplete(
        (ignored, failure) -> {
          if (tails.remove(widgetId, tail)) {
            blockedBy.remove(widgetId);
          }
        });
  }

  /** Runs a task that belongs to no widget. */
  void submitUnordered(Runnable task) {
    CompletableFuture.runAsync(task, executor);
  }

  /** Marks the widget's lane as held up by {@code released} until the lane runs dry. */
  void block(String widgetId, Settlement released) {
    blockedBy.putIfAbsent(widgetId, released);
  }

  /** The released delivery the widget's lane waits behind, or {@code null}. */
  Settlement blockedBy(String widgetId) {
    return blockedBy.get(widgetId);
  }
}
