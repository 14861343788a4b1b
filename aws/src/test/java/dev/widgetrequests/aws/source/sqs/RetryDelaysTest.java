package dev.widgetrequests.aws.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryDelaysTest {
  @Test
  void afterReceives_growsWithEachReceive_neverZero_andIsCapped() {
    assertThat(RetryDelays.afterReceives(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RetryDelays.afterReceives(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(RetryDelays.afterReceives(4)).isEqualTo(Duration.ofSeconds(80));
    assertThat(RetryDelays.afterReceives(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RetryDelays.afterReceives(50)).isEqualTo(Duration.ofMinutes(15));
  }
}
