package dev.widgetrequests.consumer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The permits' window: AIMD on the store's throttling. */
class PermitsWindowTest {
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  private final List<Integer> sizes = new CopyOnWriteArrayList<>();
  private final Permits window = new Permits(128, clock, sizes::add);

  @Test
  void throttled_halvesTheWindow_onceASecond() {
    window.throttled();
    window.throttled(); // the same burst
    now = now.plus(Duration.ofMillis(1100));
    window.throttled();

    assertThat(window.size()).isEqualTo(32);
    assertThat(window.availablePermits()).isEqualTo(32);
    assertThat(sizes).containsExactly(64, 32);
  }

  @Test
  void throttled_neverShrinksBelowASixteenth() {
    for (int i = 0; i < 10; i++) {
      window.throttled();
      now = now.plusSeconds(2);
    }

    assertThat(window.size()).isEqualTo(8);
  }

  @Test
  void shrinking_takesPermitsBackAsTheyReturn_withoutInterruptingWhatIsInFlight() {
    window.acquireUninterruptibly(100);

    window.throttled();

    assertThat(window.availablePermits()).isEqualTo(28 - 64);
    window.release(100);
    assertThat(window.availablePermits()).isEqualTo(64);
  }

  @Test
  void succeeded_growsTheWindowEvery100ms_backToTheConcurrency() {
    window.throttled();
    window.succeeded(); // within 100 ms of the shrink
    assertThat(window.size()).isEqualTo(64);

    now = now.plusMillis(100);
    window.succeeded();
    window.succeeded();
    assertThat(window.size()).isEqualTo(68);

    for (int i = 0; i < 100; i++) {
      now = now.plusMillis(100);
      window.succeeded();
    }
    assertThat(window.size()).isEqualTo(128);
    assertThat(window.availablePermits()).isEqualTo(128);
  }

  @Test
  void open_givesBackEveryPermitWithheld() {
    window.throttled();

    window.open();

    assertThat(window.size()).isEqualTo(128);
    assertThat(window.availablePermits()).isEqualTo(128);
  }
}
