package dev.widgetrequests.consumer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderKeyTimeTest {

  @Test
  void of_keyStartingWithThirteenDigits_isThatEpochMillisecond() {
    assertThat(OrderKeyTime.of("1615728964574-0001"))
        .contains(Instant.ofEpochMilli(1615728964574L));
    assertThat(OrderKeyTime.of("1615728964574-0001-0a1b2c3d"))
        .contains(Instant.ofEpochMilli(1615728964574L));
    assertThat(OrderKeyTime.of("1615728964574")).contains(Instant.ofEpochMilli(1615728964574L));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "161572896457",
        "16157289645741",
        "abc1615728964574",
        "rejected/x",
        "١٦١٥٧٢٨٩٦٤٥٧٤",
        "9f3c7e9a-1d2b-4c1e-8a77-3e4b5c6d7e8f"
      })
  void of_keyWithoutALeadingMillisecondTime_isEmpty(String key) {
    assertThat(OrderKeyTime.of(key)).isEmpty();
  }
}
