package dev.widgetrequests.lambda.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StampedBodyTest {
  private static StampedBody stamp(String body) {
    return StampedBody.of(body, () -> "new-id");
  }

  @Test
  void withoutRequestId_addsOne_andKeepsEveryOtherField() {
    StampedBody stamped = stamp("{\"type\":\"create\",\"widgetId\":\"w\",\"price\":12.50}");

    assertThat(stamped.json())
        .isEqualTo(
            "{\"type\":\"create\",\"widgetId\":\"w\",\"price\":12.50,\"requestId\":\"new-id\"}");
    assertThat(stamped.requestId()).isEqualTo("new-id");
    assertThat(stamped.widgetId()).isEqualTo("w");
    assertThat(stamped.type()).isEqualTo("create");
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"\""})
  void withNullOrEmptyRequestId_replacesItInPlace(String requestId) {
    StampedBody stamped = stamp("{\"requestId\":" + requestId + ",\"type\":\"delete\"}");

    assertThat(stamped.json()).isEqualTo("{\"requestId\":\"new-id\",\"type\":\"delete\"}");
  }

  @Test
  void withRequestId_keepsTheBodyByteForByte() {
    String body = "{ \"requestId\" : \"r-1\",\n \"type\":\"create\" }";

    StampedBody stamped = stamp(body);

    assertThat(stamped.json()).isSameAs(body);
    assertThat(stamped.requestId()).isEqualTo("r-1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"requestId\":42}",
        "[{\"type\":\"create\"}]",
        "\"create\"",
        "",
        "{\"type\":\"create\"",
        "{\"type\":\"create\"} {\"type\":\"delete\"}",
        "{\"type\":\"create\",\"type\":\"delete\"}"
      })
  void bodiesTheParserMustJudge_areLeftExactlyAsSent(String body) {
    StampedBody stamped = stamp(body);

    assertThat(stamped.json()).isSameAs(body);
  }
}
