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

/**
 * Every saved event in {@code events/}, run through the handler: API Gateway proxy events ({@code
 * v1-}, {@code v2-}, and {@code handmade-}, as people write them for a proxy handler's tests),
 * plain request events ({@code plain-}: a direct invoke or the console's test event), REST
 * non-proxy integration events ({@code passthrough-}: the "method request passthrough" template)
 * and events that are none of these ({@code other-}). See docs/design/request-format.md.
 */
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
          Map.entry("v2-get.json", 405),
          Map.entry("v1-long-type-update.json", 202),
          Map.entry("v2-long-type-delete.json", 202),
          Map.entry("handmade-body-only-update.json", 202),
          Map.entry("handmade-object-body-create.json", 202),
          Map.entry("plain-create.json", 202),
          Map.entry("plain-update.json", 202),
          Map.entry("plain-long-type-create.json", 202),
          Map.entry("plain-long-type-delete.json", 202),
          Map.entry("plain-missing-request-id.json", 202),
          Map.entry("plain-unknown-properties.json", 202),
          Map.entry("plain-rule-violations.json", 400),
          Map.entry("passthrough-create.json", 202),
          Map.entry("passthrough-rule-violations.json", 400),
          Map.entry("other-sqs-event.json", 400),
          Map.entry("other-scheduled-event.json", 400),
          Map.entry("other-empty-object.json", 400));

  /** Whether the answer to a saved event is a proxy response (else a plain JSON result). */
  static boolean answeredAsProxy(String file) {
    return file.startsWith("v1-") || file.startsWith("v2-") || file.startsWith("handmade-");
  }

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
    if (answeredAsProxy(file)) {
      assertThat(invocation.header("Content-Type")).isEqualTo("application/json");
      assertThat(invocation.response().path("body").isTextual()).isTrue();
    } else {
      assertThat(invocation.response().has("headers")).isFalse();
      assertThat(invocation.response().has("body")).isFalse();
    }
    assertThat(invocation.context().logLines())
        .singleElement()
        .satisfies(
            line -> assertThat(MAPPER.readTree(line).path("status").asInt()).isEqualTo(status));
    switch (status) {
      case 202 -> assertAccepted(file, invocation);
      case 400 -> assertRejected(file, invocation.answer());
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
    // The queue gets the canonical form: the short type, only the request's own fields.
    sent.put(
        "type", SHORT_TYPES.getOrDefault(sent.path("type").asText(), sent.path("type").asText()));
    sent.retain(
        "type", "requestId", "widgetId", "owner", "label", "description", "otherAttributes");
    assertThat(queue.messages())
        .singleElement()
        .satisfies(m -> assertThat(MAPPER.readTree(m)).isEqualTo(sent));
    JsonNode body = invocation.answer();
    assertThat(body.path("requestId").asText()).isEqualTo(sent.path("requestId").asText());
    assertThat(body.path("messageId").asText()).isEqualTo("message-1");
  }

  /** The answer names every broken rule by its field. */
  private static void assertRejected(String file, JsonNode body) {
    List<String> fields = body.path("violations").findValuesAsText("field");
    if (file.startsWith("other-")) {
      assertThat(body.path("message").asText())
          .contains("neither a widget request", "nor an API Gateway proxy event");
      assertThat(body.has("violations")).isFalse();
    } else if (file.endsWith("rule-violations.json")) {
      assertThat(fields)
          .containsExactlyInAnyOrder("type", "widgetId", "owner", "otherAttributes[0].name");
      assertThat(body.path("requestId").asText()).isEqualTo("5e0d7c3b-8a1f-4b62-9e4d-2c7a1f0b3d68");
    } else {
      assertThat(fields).containsExactly("body");
      assertThat(body.path("violations").get(0).path("message").asText())
          .startsWith("not valid JSON");
    }
  }

  private static final Map<String, String> SHORT_TYPES =
      Map.of(
          "WidgetCreateRequest", "create",
          "WidgetUpdateRequest", "update",
          "WidgetDeleteRequest", "delete");

  /** The request a saved event carries, as text. */
  private static String requestBody(String file) throws IOException {
    JsonNode event = MAPPER.readTree(eventsDirectory().resolve(file).toFile());
    if (file.startsWith("plain-")) {
      return event.toString();
    }
    if (file.startsWith("passthrough-")) {
      return event.path("body-json").toString();
    }
    if (event.path("body").isObject()) {
      return event.path("body").toString();
    }
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
