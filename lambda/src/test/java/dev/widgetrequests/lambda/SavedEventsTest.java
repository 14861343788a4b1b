package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every saved API Gateway event in {@code events/}, run through the handler. */
class SavedEventsTest {
  private static final String INJECTED_ID = "00000000-0000-4000-8000-000000000001";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Each saved event and the status it must get. */
  static final Map<String, Integer> EXPECTED_STATUS =
      Map.ofEntries(
          Map.entry("v1-create.json", 202),
          Map.entry("v1-update.json", 202),
          Map.entry("v1-delete.json", 202),
          Map.entry("v1-missing-request-id.json", 202),
          Map.entry("v1-base64-create.json", 202),
          Map.entry("v1-unparseable-json.json", 400),
          Map.entry("v1-rule-violations.json", 400),
          Map.entry("v1-get.json", 405),
          Map.entry("v2-create.json", 202),
          Map.entry("v2-update.json", 202),
          Map.entry("v2-delete.json", 202),
          Map.entry("v2-missing-request-id.json", 202),
          Map.entry("v2-base64-create.json", 202),
          Map.entry("v2-unparseable-json.json", 400),
          Map.entry("v2-rule-violations.json", 400),
          Map.entry("v2-get.json", 405));

  private final RecordingQueue queue = new RecordingQueue();
  private final WidgetRequestHandler handler =
      new WidgetRequestHandler(queue, new RequestParser(), () -> INJECTED_ID);

  static Stream<Arguments> savedEvents() {
    return EXPECTED_STATUS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @Test
  void everySavedEvent_hasAnExpectedStatus() throws IOException {
    try (Stream<Path> files = Files.list(eventsDirectory())) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(EXPECTED_STATUS.keySet());
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("savedEvents")
  void savedEvent_getsItsStatus_withAJsonAnswerAndOneLogLine(String file, int status)
      throws IOException {
    Invocation invocation =
        Invocation.of(handler, Files.readString(eventsDirectory().resolve(file)));

    assertThat(invocation.status()).isEqualTo(status);
    assertThat(invocation.header("Content-Type")).isEqualTo("application/json");
    assertThat(invocation.context().logLines())
        .singleElement()
        .satisfies(
            line -> assertThat(MAPPER.readTree(line).path("status").asInt()).isEqualTo(status));
    switch (status) {
      case 202 -> assertAccepted(file, invocation);
      case 400 -> assertRejected(file, invocation.body());
      case 405 -> assertThat(invocation.header("Allow")).isEqualTo("POST");
      default -> throw new AssertionError("no checks for status " + status);
    }
    if (status != 202) {
      assertThat(queue.messages()).isEmpty();
    }
  }

  /** The queue got the request as sent (plus an id when it had none), and the answer names it. */
  private void assertAccepted(String file, Invocation invocation) throws IOException {
    ObjectNode sent = (ObjectNode) MAPPER.readTree(requestBody(file));
    if (!sent.has("requestId")) {
      sent.put("requestId", INJECTED_ID);
    }
    assertThat(queue.messages())
        .singleElement()
        .satisfies(m -> assertThat(MAPPER.readTree(m)).isEqualTo(sent));
    JsonNode body = invocation.body();
    assertThat(body.path("requestId").asText()).isEqualTo(sent.path("requestId").asText());
    assertThat(body.path("messageId").asText()).isEqualTo("message-1");
  }

  /** The answer names every broken rule by its field. */
  private static void assertRejected(String file, JsonNode body) {
    List<String> fields = body.path("violations").findValuesAsText("field");
    if (file.endsWith("rule-violations.json")) {
      assertThat(fields)
          .containsExactlyInAnyOrder("type", "widgetId", "owner", "otherAttributes[0].name");
      assertThat(body.path("requestId").asText()).isEqualTo("5e0d7c3b-8a1f-4b62-9e4d-2c7a1f0b3d68");
    } else {
      assertThat(fields).containsExactly("body");
      assertThat(body.path("violations").get(0).path("message").asText())
          .startsWith("not valid JSON");
    }
  }

  private static String requestBody(String file) throws IOException {
    JsonNode event = MAPPER.readTree(eventsDirectory().resolve(file).toFile());
    String body = event.path("body").asText();
    return event.path("isBase64Encoded").asBoolean()
        ? new String(Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8)
        : body;
  }

  static Path eventsDirectory() {
    try {
      return Path.of(SavedEventsTest.class.getResource("/events").toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
