package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.failure.InfrastructureFailure;
import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.RequestSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementTest {
  private static final int CONCURRENCY = 8;

  /** What the source was asked to do, one line per call. */
  private final List<String> calls = new ArrayList<>();

  private RuntimeException acknowledgeFailure;
  private RuntimeException deadLetterFailure;

  private final RequestSource<Delivery> source =
      new RequestSource<>() {
        @Override
        public List<Delivery> poll() {
          return List.of();
        }

        @Override
        public void acknowledge(Delivery delivery) {
          calls.add("acknowledge " + delivery.position());
          if (acknowledgeFailure != null) {
            throw acknowledgeFailure;
          }
        }

        @Override
        public void deadLetter(Delivery delivery, String reason) {
          calls.add("dead-letter " + delivery.position() + ": " + reason);
          if (deadLetterFailure != null) {
            throw deadLetterFailure;
          }
        }

        @Override
        public void release(Delivery delivery, Redelivery<Delivery> when) {
          String how =
              switch (when) {
                case Redelivery.Later<Delivery> later -> "later";
                case Redelivery.Now<Delivery> now -> "now";
                case Redelivery.Behind<Delivery> behind -> "behind " + behind.first().position();
              };
          calls.add("release " + delivery.position() + " " + how);
        }

        @Override
        public String describe() {
          return "test";
        }
      };

  private final Permits permits = new Permits(CONCURRENCY, Clock.systemUTC(), size -> {});
  private final List<InfrastructureFailure> heard = new ArrayList<>();
  private final Settlement.Ledger<Delivery> ledger =
      new Settlement.Ledger<>(
          source, new ConsumerStats(), ConsumerEvents.NONE, null, permits, heard::add);

  /** A ledger for tests of what works with settlements: no events, a window of 8. */
  static Settlement.Ledger<Delivery> ledger(
      RequestSource<Delivery> source, Heartbeat<Delivery> heartbeat) {
    return new Settlement.Ledger<>(
        source,
        new ConsumerStats(),
        ConsumerEvents.NONE,
        heartbeat,
        new Permits(CONCURRENCY, Clock.systemUTC(), size -> {}),
        failure -> {});
  }

  /** A delivery received as a poll does: its permit taken first. */
  private Settlement<Delivery> received(String position) {
    permits.acquireUninterruptibly();
    return ledger.open(delivery(position));
  }

  @Test
  void aSecondEnding_isRefusedLoudly_andTheFirstStands() {
    Settlement<Delivery> settlement = received("m-1");
    settlement.acknowledge(new Outcome.Applied());

    assertThatThrownBy(() -> settlement.deadLetter(new Outcome.Rejected("late bug")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("m-1 ended twice")
        .hasMessageContaining("Applied");
    assertThatThrownBy(() -> settlement.release(new IllegalStateException("again")))
        .isInstanceOf(IllegalStateException.class);

    assertThat(calls).containsExactly("acknowledge m-1");
    assertThat(settlement.outcome()).isEqualTo(new Outcome.Applied());
    assertThat(permits.availablePermits()).isEqualTo(CONCURRENCY);
    assertThat(ledger.idle()).isTrue();
  }

  @Test
  void everyEnding_givesThePermitBackOnce() {
    List<Settlement<Delivery>> held =
        List.of(received("a"), received("b"), received("c"), received("d"), received("e"));
    assertThat(permits.availablePermits()).isEqualTo(CONCURRENCY - 5);
    assertThat(ledger.idle()).isFalse();

    held.get(0).acknowledge(new Outcome.Duplicate("seen"));
    held.get(1).deadLetter(new Outcome.TooLate("too late: before the base"));
    held.get(2).release(new IllegalStateException("store down"));
    held.get(3).giveBack();
    held.get(4).gone("taken by another consumer");

    assertThat(permits.availablePermits()).isEqualTo(CONCURRENCY);
    assertThat(ledger.idle()).isTrue();
    assertThat(calls)
        .containsExactly(
            "acknowledge a",
            "dead-letter b: too late: before the base",
            "release c later",
            "release d now");
  }

  @Test
  void aFailedAcknowledge_releasesTheDelivery_asItsOneEnding() {
    Settlement<Delivery> settlement = received("m-1");
    acknowledgeFailure = new InfrastructureFailure.Throttled("slow down", null);

    Outcome outcome = settlement.acknowledge(new Outcome.Applied());

    assertThat(outcome).isInstanceOf(Outcome.Released.class);
    assertThat(((Outcome.Released) outcome).error()).contains("slow down");
    assertThat(calls).containsExactly("acknowledge m-1", "release m-1 later");
    assertThat(heard).hasSize(1).first().isInstanceOf(InfrastructureFailure.Throttled.class);
    assertThat(permits.availablePermits()).isEqualTo(CONCURRENCY);
  }

  @Test
  void aFailedDeadLetter_releasesTheDelivery_neverDeadLettersTheFailure() {
    Settlement<Delivery> settlement = received("m-1");
    deadLetterFailure = new IllegalStateException("dead-letter queue unreachable");

    Outcome outcome = settlement.deadLetter(new Outcome.Rejected("not JSON"));

    assertThat(outcome).isInstanceOf(Outcome.Released.class);
    assertThat(calls).containsExactly("dead-letter m-1: not JSON", "release m-1 later");
  }

  @Test
  void releaseBehind_comesBackBehindTheFirst() {
    Settlement<Delivery> first = received("k1");
    Settlement<Delivery> later = received("k2");
    first.release(new IllegalStateException("store down"));

    Outcome outcome = later.releaseBehind(first, "behind a released request");

    assertThat(outcome).isEqualTo(new Outcome.Released("behind a released request"));
    assertThat(calls).containsExactly("release k1 later", "release k2 behind k1");
  }

  @Test
  void acknowledge_refusesAnOutcomeThatIsNoAcknowledgement() {
    Settlement<Delivery> settlement = received("m-1");

    assertThatThrownBy(() -> settlement.acknowledge(new Outcome.Rejected("bad")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(settlement.ended()).isFalse();
    assertThat(calls).isEmpty();
  }

  private static Delivery delivery(String position) {
    return new Delivery() {
      @Override
      public String body() {
        return "{}";
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
