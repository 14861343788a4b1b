package dev.widgetrequests.producer.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProductionSummaryTest {

  @Test
  void line_givesCountsByTypeRateReasonAndSeed() {
    ProductionSummary summary =
        new ProductionSummary(
            new Counts(600, 300, 100),
            Duration.ofMillis(2_500),
            42,
            StopReason.REQUEST_LIMIT,
            null);

    assertThat(summary.line())
        .isEqualTo(
            "Sent 1000 requests (600 create, 300 update, 100 delete) in 2.5 s, 400.0 requests/s;"
                + " request limit reached; seed 42");
  }

  @Test
  void requestsPerSecond_ofAnInstantRun_isFinite() {
    ProductionSummary summary =
        new ProductionSummary(Counts.NONE, Duration.ZERO, 1, StopReason.STOPPED, null);

    assertThat(summary.requestsPerSecond()).isZero();
  }
}
