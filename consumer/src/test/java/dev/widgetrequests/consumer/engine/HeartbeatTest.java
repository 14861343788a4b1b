package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.source.Delivery;
import dev.widgetrequests.model.source.Lease;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.RequestSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatTest {
  private final MovableClock clock = new MovableClock();
  private final List<List<String>> extended = new ArrayList<>();
  private final RequestSource<Delivery> source =
      new RequestSource<>() {
        @Override
        public List<Delivery> poll() {
          return List.of();
        }

        @Override
        public void acknowledge(Delivery delivery) {}

        @Override
        public void deadLetter(Delivery delivery, String reason) {}

        @Override
        public void release(Delivery delivery, Redelivery<Delivery> when) {}

        @Override
        public String describe() {
          return "test";
        }
      };
  private final Lease<Delivery> lease =
      new Lease<>() {
        @Override
        public Duration timeout() {
          return Duration.ofSeconds(30);
        }

        @Override
        public void extend(List<Delivery> deliveries, Duration timeout) {
          extended.add(deliveries.stream().map(Delivery::body).sorted().toList());
        }
      };
  private final Heartbeat<Delivery> heartbeat =
      new Heartbeat<>(lease, Duration.ofMinutes(2), clock);
  private final Settlement.Ledger<Delivery> ledger = SettlementTest.ledger(source, heartbeat);

  private Settlement<Delivery> received(String position) {
    return received(position, position);
  }

  /** A delivery of message {@code position}, told apart by its receipt. */
  private Settlement<Delivery> received(String position, String receipt) {
    return ledger.open(delivery(position, receipt));
  }

  private static Delivery delivery(String position, String receipt) {
    return new Delivery() {
      @Override
      public String body() {
        return receipt;
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

  @Test
  void beat_extendsOnlyDeliveriesPastHalfTheirTimeout_inOneCall() {
    received("old-1");
    received("old-2");
    clock.advance(Duration.ofSeconds(16));
    received("new");

    heartbeat.beat();

    assertThat(extended).containsExactly(List.of("old-1", "old-2"));
  }

  @Test
  void beat_leavesFinishedDeliveriesAlone_andStopsAtTheCap() {
    received("held");
    received("done").acknowledge(new Outcome.Applied());

    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(16));
      heartbeat.beat();
    }

    // Extended every other beat while held less than 2 minutes, then no more.
    assertThat(extended).isNotEmpty().allMatch(call -> call.equals(List.of("held")));
    assertThat(extended.size()).isBetween(3, 8);
    int before = extended.size();
    clock.advance(Duration.ofMinutes(5));
    heartbeat.beat();
    assertThat(extended).hasSize(before);
  }

  @Test
  void aResolvedDelivery_isExtendedAsItIsNow_andItsEndingEndsItsBeats() {
    Settlement<Delivery> pointer = received("m-1", "pointer");
    pointer.resolved(delivery("m-1", "request read from the pointer"));
    clock.advance(Duration.ofSeconds(20));
    heartbeat.beat();

    pointer.acknowledge(new Outcome.Applied());
    clock.advance(Duration.ofSeconds(20));
    heartbeat.beat();

    assertThat(extended).containsExactly(List.of("request read from the pointer"));
    assertThat(heartbeat.size()).isZero();
  }

  @Test
  void twoDeliveriesOfOneMessageHeldAtOnce_areExtendedEachByItsOwnReceipt() {
    Settlement<Delivery> first = received("m-1", "receipt-1");
    clock.advance(Duration.ofSeconds(10));
    received("m-1", "receipt-2"); // the message came back while the first was still held
    first.acknowledge(new Outcome.Applied());

    clock.advance(Duration.ofSeconds(20));
    heartbeat.beat();

    assertThat(extended).containsExactly(List.of("receipt-2"));
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
