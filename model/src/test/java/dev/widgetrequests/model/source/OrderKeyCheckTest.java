package dev.widgetrequests.model.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderKeyCheckTest {
  private static final long RECEIVED = 1_765_000_000_000L;
  private static final OrderKeyCheck CHECK = OrderKeyCheck.DEFAULT;

  @Test
  void aClaimWithinFifteenMinutesBeforeAndTwoSecondsAfter_isKept() {
    for (long offset : new long[] {-15 * 60_000, -1, 0, 2_000}) {
      String claim = "%013d-0000-0a1b2c3d".formatted(RECEIVED + offset);

      assertThat(CHECK.keyOf(claim, RECEIVED, "m").key()).isEqualTo(claim);
    }
  }

  @Test
  void aClaimJustOutsideTheBounds_givesWayToTheTrustedTime() {
    for (long offset : new long[] {-15 * 60_000 - 1, 2_001, 365L * 24 * 3_600_000}) {
      String claim = "%013d-0000-0a1b2c3d".formatted(RECEIVED + offset);

      var key = CHECK.keyOf(claim, RECEIVED, "m");

      assertThat(key.key()).isEqualTo(RECEIVED + "-m");
      assertThat(key.claimKept()).isFalse();
      assertThat(key.outOfBounds()).startsWith("key out of bounds");
    }
  }

  @Test
  void theCourseProducersBareKey_isAClaim() {
    String claim = Long.toString(RECEIVED - 300);

    assertThat(CHECK.keyOf(claim, RECEIVED, "m").key()).isEqualTo(claim);
  }

  @Test
  void somethingThatIsNoOrderKey_givesWayToTheTrustedTime() {
    for (String claim :
        new String[] {"c3f1e0a2-uuid", RECEIVED + " ", RECEIVED + "-a/b", "176500000000", "x"}) {
      assertThat(CHECK.keyOf(claim, RECEIVED, "m").key()).isEqualTo(RECEIVED + "-m");
    }
  }

  @Test
  void noClaim_isTheTrustedTime_withoutAWarning() {
    var key = CHECK.keyOf(null, RECEIVED, "m");

    assertThat(key.key()).isEqualTo(RECEIVED + "-m");
    assertThat(key.claimKept()).isTrue();
  }

  @Test
  void boundsAreConfigurable() {
    OrderKeyCheck strict = new OrderKeyCheck(Duration.ofSeconds(1), Duration.ZERO);
    String claim = Long.toString(RECEIVED - 1_500);

    assertThat(strict.keyOf(claim, RECEIVED, "m").key()).isEqualTo(RECEIVED + "-m");
    assertThat(CHECK.keyOf(claim, RECEIVED, "m").key()).isEqualTo(claim);
  }
}
