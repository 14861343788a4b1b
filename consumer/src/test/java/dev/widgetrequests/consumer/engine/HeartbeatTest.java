package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.source.Delivery;
import dev.widgetrequests.source.RequestSource;
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
  private final RequestSource source =
      new RequestSource() {
        @Override
        public List<Delivery> poll() {
          return List.of();
        }

        @Override
        public void acknowledge(Delivery delivery) {}

        @Override
        public void deadLetter(Delivery delivery, String reason) {}

        @Override
        public void release(Delivery delivery) {}

        @Override
        public void extendVisibility(List<Delivery> deliveries, Duration timeout) {
          extended.add(deliveries.stream().map(Delivery::position).sorted().toList());
        }

        @Override
        public String describe() {
          return "test";
        }
      };
  private final Heartbeat heartbeat =
      new Heartbeat(source, Duration.ofSeconds(30), Duration.ofMinutes(2), clock);

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

  @Test
  void beat_extendsOnlyDeliveriesPastHalfTheirTimeout_inOneCall() {
    heartbeat.received(delivery("old-1"));
    heartbeat.received(delivery("old-2"));
    clock.advance(Duration.ofSeconds(16));
    heartbeat.received(delivery("new"));

    heartbeat.beat();

    assertThat(extended).containsExactly(List.of("old-1", "old-2"));
  }

  @Test
  void beat_leavesFinishedDeliveriesAlone_andStopsAtTheCap() {
    Delivery held = delivery("held");
    Delivery done = delivery("done");
    heartbeat.received(held);
    heartbeat.received(done);
    heartbeat.finished(done);

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
  void finished_withTheResolvedDelivery_endsTheBeatsOfTheOneReceived() {
    heartbeat.received(delivery("pointer"));
    heartbeat.finished(delivery("pointer")); // a new object: the request read from the pointer

    clock.advance(Duration.ofSeconds(20));
    heartbeat.beat();

    assertThat(extended).isEmpty();
    assertThat(heartbeat.size()).isZero();
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
