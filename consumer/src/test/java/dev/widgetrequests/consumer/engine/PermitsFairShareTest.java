package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The permits' fair share: a widget's lane holds 2 of 8, at most 3 deliveries parked. */
class PermitsFairShareTest {
  private final Permits permits = new Permits(8, 2, 3, Clock.systemUTC(), size -> {});
  private final Permits fairShare = permits;

  private void join(String widgetId) {
    permits.acquireUninterruptibly(); // as the poll loop does for each delivery it takes
    fairShare.joined(widgetId);
  }

  @Test
  void joined_beyondTheShare_parksTheDeliveryAndGivesItsPermitBack() {
    for (int i = 0; i < 5; i++) {
      join("hot");
    }

    assertThat(permits.availablePermits()).isEqualTo(6);
    assertThat(fairShare.parked()).isEqualTo(3);
  }

  @Test
  void ended_handsThePermitToAParkedDeliveryOfTheSameLane_thenReturnsIt() {
    for (int i = 0; i < 3; i++) {
      join("hot");
    }
    join("cold");

    fairShare.ended("hot");
    assertThat(fairShare.parked()).isZero();
    assertThat(permits.availablePermits()).isEqualTo(5);

    fairShare.ended("hot");
    fairShare.ended("hot");
    fairShare.ended("cold");
    assertThat(permits.availablePermits()).isEqualTo(8);
  }

  @Test
  void ended_outsideAnyLane_returnsItsOwnPermit() {
    permits.acquireUninterruptibly();

    fairShare.ended(null);

    assertThat(permits.availablePermits()).isEqualTo(8);
  }

  @Test
  void awaitRoom_waitsWhileTheParkedAreAtTheirBound() throws Exception {
    for (int i = 0; i < 5; i++) {
      join("hot");
    }
    Thread waiting =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    fairShare.awaitRoom();
                  } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                  }
                });
    waiting.join(200);
    assertThat(waiting.isAlive()).as("waits while 3 of 3 are parked").isTrue();

    fairShare.ended("hot");

    waiting.join(2000);
    assertThat(waiting.isAlive()).isFalse();
  }
}
