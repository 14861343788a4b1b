package dev.widgetrequests.consumer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void line_showsTotalRateInFlightRetriesAndLag() {
    var before = new ConsumerMetrics.Snapshot(100, 4, 1, 200);
    var now = new ConsumerMetrics.Snapshot(600, 16, 3, 1500);
    assertThat(ProgressLine.line(before, now, Duration.ofSeconds(5)))
        .isEqualTo("progress: 600 handled (100/s), 16 in flight, 3 retries, lag 1.5 s");
  }

  @Test
  void line_whenNothingHappened_isNull() {
    var idle = new ConsumerMetrics.Snapshot(600, 0, 3, 1500);
    assertThat(ProgressLine.line(idle, idle, Duration.ofSeconds(5))).isNull();
  }

  @Test
  void line_withoutAnyTimedOrderKey_saysLagUnknown() {
    var before = new ConsumerMetrics.Snapshot(0, 0, 0, -1);
    var now = new ConsumerMetrics.Snapshot(10, 1, 0, -1);
    assertThat(ProgressLine.line(before, now, Duration.ofSeconds(1))).endsWith("lag unknown");
  }
}
