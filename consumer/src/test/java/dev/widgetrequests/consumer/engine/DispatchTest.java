package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.RequestSource;
import dev.widgetrequests.model.source.Resolution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hand-over: batches reach the lanes in the order their receives began. */
class DispatchTest {
  private final List<String> joined = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> joinedOn = Collections.synchronizedList(new ArrayList<>());
  private final List<String> released = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch fetchMayFinish = new CountDownLatch(1);
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

  /** Positions starting "ptr" need a fetch, which waits for the latch; "bad" ones fail. */
  private final RequestSource<Delivery> source =
      new RequestSource<>() {
        @Override
        public List<Delivery> poll() {
          return List.of();
        }

        @Override
        public boolean needsResolving(Delivery delivery) {
          return delivery.position().startsWith("ptr") || delivery.position().startsWith("bad");
        }

        @Override
        public Resolution<Delivery> resolve(Delivery delivery) {
          if (delivery.position().startsWith("bad")) {
            throw new IllegalStateException("object unreadable");
          }
          try {
            fetchMayFinish.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          return new Resolution.Ready<>(delivery);
        }

        @Override
        public void acknowledge(Delivery delivery) {}

        @Override
        public void deadLetter(Delivery delivery, String reason) {}

        @Override
        public void release(Delivery delivery, Redelivery<Delivery> when) {
          released.add(delivery.position());
        }

        @Override
        public String describe() {
          return "test";
        }
      };

  private final Settlement.Ledger<Delivery> ledger = SettlementTest.ledger(source, null);

  private final Dispatch<Delivery> dispatch =
      new Dispatch<>(
          source,
          new RequestParser(),
          workers,
          new Dispatch.LaneTask<>() {
            @Override
            public void join(
                String widgetId, Settlement<Delivery> settlement, ParseResult.Valid parsed) {
              joined.add(settlement.delivery().position());
              joinedOn.add(Thread.currentThread());
            }

            @Override
            public void reject(Settlement<Delivery> settlement, String reason) {}
          });

  @AfterEach
  void stop() {
    fetchMayFinish.countDown();
    workers.close();
  }

  @Test
  void aBatchThatAnswersFirst_waitsForTheOneWhoseReceiveBeganFirst() {
    var first = dispatch.reserve();
    var second = dispatch.reserve();

    dispatch.fill(second, batch("b1", "b2"));
    assertThat(joined).isEmpty();
    dispatch.fill(first, batch("a1"));

    waitFor(() -> joined.size() == 3);
    assertThat(joined).containsExactly("a1", "b1", "b2");
  }

  @Test
  void aBatchWithItsRequestsInTheMessages_isHandedOverOnThePollingThread_noThreadOfItsOwn() {
    dispatch.fill(dispatch.reserve(), batch("a1", "a2"));

    assertThat(joined).containsExactly("a1", "a2");
    assertThat(joinedOn).containsOnly(Thread.currentThread());
  }

  @Test
  void aSlowFetch_holdsUpTheLaterBatches_notTheirPolls() throws Exception {
    var first = dispatch.reserve();
    var second = dispatch.reserve();
    dispatch.fill(first, batch("ptr-a1"));
    dispatch.fill(second, batch("b1"));

    Thread.sleep(200);
    assertThat(joined).isEmpty();
    fetchMayFinish.countDown();

    waitFor(() -> joined.size() == 2);
    assertThat(joined).containsExactly("ptr-a1", "b1");
  }

  @Test
  void aFailedFetch_releasesItsOwnDeliveryOnly() {
    List<Settlement<Delivery>> batch = batch("bad-1", "b2");
    dispatch.fill(dispatch.reserve(), batch);

    waitFor(() -> joined.size() == 1);
    assertThat(joined).containsExactly("b2");
    assertThat(released).containsExactly("bad-1");
    assertThat(batch.getFirst().outcome()).isInstanceOf(Outcome.Released.class);
    assertThat(batch.get(1).ended()).isFalse();
  }

  @Test
  void anUnfilledPlace_filledWithNothing_letsTheLaterBatchesThrough() {
    var empty = dispatch.reserve();
    dispatch.submit(batch("c1"));
    dispatch.fill(empty, List.of());

    waitFor(() -> joined.size() == 1);
    assertThat(joined).containsExactly("c1");
  }

  /** Waits up to 5 s for the hand-over to get there. */
  private static void waitFor(BooleanSupplier done) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!done.getAsBoolean() && System.nanoTime() < until) {
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  /** Deliveries received as a poll does, each a create of its own widget. */
  private List<Settlement<Delivery>> batch(String... positions) {
    List<Settlement<Delivery>> batch = new ArrayList<>();
    for (String position : positions) {
      batch.add(ledger.open(delivery(position)));
    }
    return batch;
  }

  private static Delivery delivery(String position) {
    String body =
        """
        {"type":"create","requestId":"r-%s","widgetId":"w-%s","owner":"Sue Smith"}"""
            .formatted(position, position);
    return new Delivery() {
      @Override
      public String body() {
        return body;
      }

      @Override
      public String position() {
        return position;
      }

      @Override
      public String orderKey() {
        return position;
      }
    };
  }
}
