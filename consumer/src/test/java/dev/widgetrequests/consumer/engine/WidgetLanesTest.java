package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.source.Delivery;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WidgetLanesTest {

  /** Lanes for raw tasks: the order they keep, no store behind them. */
  private static WidgetLanes<Delivery> lanesOn(Executor executor) {
    return new WidgetLanes<>(executor, null, Clock.systemUTC(), () -> true, failure -> {});
  }

  @Test
  void submit_runsTasksOfOneWidgetOneAtATimeInOrder() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var lanes = lanesOn(executor);
      List<Integer> order = new CopyOnWriteArrayList<>();
      AtomicInteger running = new AtomicInteger();
      AtomicInteger maxRunning = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(200);
      for (int i = 0; i < 200; i++) {
        int n = i;
        lanes.submit(
            "w",
            () -> {
              maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
              order.add(n);
              Thread.yield();
              running.decrementAndGet();
              done.countDown();
            });
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(order).isSorted().hasSize(200);
      assertThat(maxRunning.get()).isEqualTo(1);
    }
  }

  @Test
  void submit_runsDifferentWidgetsAtTheSameTime() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var lanes = lanesOn(executor);
      CountDownLatch bothStarted = new CountDownLatch(2);
      CountDownLatch done = new CountDownLatch(2);
      for (String widget : List.of("a", "b")) {
        lanes.submit(
            widget,
            () -> {
              bothStarted.countDown();
              try {
                // Completes only if the other widget's task runs meanwhile.
                if (bothStarted.await(5, TimeUnit.SECONDS)) {
                  done.countDown();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void submit_keepsGoingAfterATaskFails() throws Exception {
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var lanes = lanesOn(executor);
      CountDownLatch after = new CountDownLatch(1);
      lanes.submit(
          "w",
          () -> {
            throw new IllegalStateException("boom");
          });
      lanes.submit("w", after::countDown);
      assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
