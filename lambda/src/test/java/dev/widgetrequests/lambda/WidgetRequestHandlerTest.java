package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.model.parse.RequestParser;
import org.junit.jupiter.api.Test;

class WidgetRequestHandlerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int LIMIT = RequestParser.MAX_BODY_BYTES;

  private final RecordingQueue queue = new RecordingQueue();
  private final WidgetRequestHandler handler =
      new WidgetRequestHandler(queue, new RequestParser(), () -> "fresh-id");

  @Test
  void post_validRequest_sendsItsCanonicalForm_andAnswers202WithRequestAndMessageIds() {
    String request = Events.validCreate("r-1");

    Invocation invocation = Invocation.of(handler, Events.httpApi("POST", request));

    assertThat(invocation.status()).isEqualTo(202);
    assertThat(invocation.body().path("requestId").asText()).isEqualTo("r-1");
    assertThat(invocation.body().path("messageId").asText()).isEqualTo("message-1");
    assertThat(queue.messages())
        .containsExactly(
            "{\"type\":\"create\",\"requestId\":\"r-1\","
                + "\"widgetId\":\"8123f304-f23f-440b-a6d3-80e979fa4cd6\",\"owner\":\"Mary Matthews\","
                + "\"label\":\"JWJYY\",\"otherAttributes\":[{\"name\":\"color\",\"value\":\"red\"}]}");
    assertThat(queue.attributes().getFirst())
        .containsEntry("request-id", "r-1")
        .containsEntry("widget-id", "8123f304-f23f-440b-a6d3-80e979fa4cd6")
        .hasEntrySatisfying(
            "request-key", key -> assertThat(key).matches("\\d{13}-\\d{4}-[0-9a-f]{8}"));
  }

  @Test
  void post_requestCarryingAPointerShape_queuesOnlyTheKnownFields() throws Exception {
    String request =
        "{\"type\":\"create\",\"requestId\":\"r\",\"widgetId\":\"w\",\"owner\":\"Eve\","
            + "\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"widgets\"},"
            + "\"object\":{\"key\":\"widgets/mary-matthews/victim\"}}}],\"extra\":{\"a\":1}}";

    Invocation invocation = Invocation.of(handler, Events.httpApi("POST", request));

    assertThat(invocation.status()).isEqualTo(202);
    assertThat(MAPPER.readTree(queue.messages().getFirst()).propertyStream().map(e -> e.getKey()))
        .containsExactly("type", "requestId", "widgetId", "owner");
  }

  @Test
  void post_withAContentTypeThatIsNotJson_answers415() {
    for (String type :
        new String[] {
          "text/plain",
          "application/x-www-form-urlencoded",
          "",
          "application/json; charset=latin1",
          "application/jsonx"
        }) {
      String event =
          Events.httpApi("POST", Events.validCreate("r"))
              .replace(
                  "\"content-type\":\"application/json\"",
                  "\"Content-Type\":" + MAPPER.valueToTree(type));
      assertThat(Invocation.of(handler, event).status()).as(type).isEqualTo(415);
    }
    assertThat(queue.messages()).isEmpty();
  }

  @Test
  void post_withAJsonContentType_orNone_isAccepted() {
    for (String type :
        new String[] {
          "application/json; charset=utf-8",
          "APPLICATION/JSON",
          "application/merge-patch+json",
          "application/json;charset=\"UTF-8\""
        }) {
      String event =
          Events.httpApi("POST", Events.validCreate("r"))
              .replace("\"application/json\"", MAPPER.valueToTree(type).toString());
      assertThat(Invocation.of(handler, event).status()).as(type).isEqualTo(202);
    }
    String none =
        Events.httpApi("POST", Events.validCreate("r"))
            .replace("\"content-type\":\"application/json\"", "\"accept\":\"*/*\"");
    assertThat(Invocation.of(handler, none).status()).isEqualTo(202);
  }

  @Test
  void post_bodyThatIsNotUtf8_orNotBase64_answers400() {
    String notUtf8 =
        java.util.Base64.getEncoder().encodeToString(new byte[] {'{', (byte) 0xC3, '}'});
    String event =
        Events.httpApi("POST", notUtf8)
            .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true");
    assertThat(Invocation.of(handler, event).status()).isEqualTo(400);
    String notBase64 =
        Events.httpApi("POST", "%%%")
            .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true");
    assertThat(Invocation.of(handler, notBase64).status()).isEqualTo(400);
  }

  @Test
  void post_base64BodyOverTheLimit_answers413_onTheDecodedBytes() {
    String body = java.util.Base64.getEncoder().encodeToString(new byte[LIMIT + 1]);
    String event =
        Events.httpApi("POST", body)
            .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true");
    assertThat(Invocation.of(handler, event).status()).isEqualTo(413);
    String atLimit =
        java.util.Base64.getEncoder()
            .encodeToString(
                (Events.validCreate("r") + " ".repeat(LIMIT - Events.validCreate("r").length()))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String accepted =
        Events.httpApi("POST", atLimit)
            .replace("\"isBase64Encoded\":false", "\"isBase64Encoded\":true");
    assertThat(Invocation.of(handler, accepted).status()).isEqualTo(202);
  }

  @Test
  void post_charactersSqsRefuses_areQueuedAsJsonEscapes() throws Exception {
    String request = Events.validCreate("r").replace("JWJYY", "a\\u0001b\\uffffc");

    assertThat(Invocation.of(handler, Events.httpApi("POST", request)).status()).isEqualTo(202);
    String queued = queue.messages().getFirst();
    assertThat(queued).contains("a\\u0001b\\uffffc");
    assertThat(MAPPER.readTree(queued).path("label").asText()).isEqualTo("a\u0001b\uffffc");
  }

  @Test
  void queueRefusal_answers500_andLogsTheCause() throws Exception {
    dev.widgetrequests.lambda.queue.RequestQueue missing =
        (body, widgetId, attributes) -> {
          throw new dev.widgetrequests.lambda.queue.QueueSendException(
              "SendMessage failed: queue does not exist", false, null);
        };
    WidgetRequestHandler refusing =
        new WidgetRequestHandler(missing, new RequestParser(), () -> "id");

    Invocation invocation =
        Invocation.of(refusing, Events.httpApi("POST", Events.validCreate("r")));

    assertThat(invocation.status()).isEqualTo(500);
    JsonNode log = MAPPER.readTree(invocation.context().logLines().getFirst());
    assertThat(log.path("outcome").asText()).isEqualTo("queue-refused");
    assertThat(log.path("cause").asText()).contains("queue does not exist");
  }

  @Test
  void post_withEmptyRequestId_answersWithTheIdItWasGiven() throws Exception {
    Invocation invocation = Invocation.of(handler, Events.restApi("POST", Events.validCreate("")));

    assertThat(invocation.status()).isEqualTo(202);
    assertThat(invocation.body().path("requestId").asText()).isEqualTo("fresh-id");
    assertThat(MAPPER.readTree(queue.messages().getFirst()).path("requestId").asText())
        .isEqualTo("fresh-id");
  }

  @Test
  void post_invalidRequest_answers400ListingEveryViolationWithItsField() {
    String request = "{\"type\":\"create\",\"requestId\":\"r-2\",\"widgetId\":\"w-1\"}";

    Invocation invocation = Invocation.of(handler, Events.httpApi("POST", request));

    assertThat(invocation.status()).isEqualTo(400);
    JsonNode body = invocation.body();
    assertThat(body.path("requestId").asText()).isEqualTo("r-2");
    assertThat(body.path("violations"))
        .isNotEmpty()
        .allSatisfy(
            violation -> {
              assertThat(violation.path("field").isTextual()).isTrue();
              assertThat(violation.path("message").asText()).isNotEmpty();
            });
    assertThat(queue.messages()).isEmpty();
  }

  @Test
  void post_bodyOneByteOverTheLimit_answers413_andSendsNothing() {
    String body = "x".repeat(LIMIT + 1);

    Invocation invocation = Invocation.of(handler, Events.httpApi("POST", body));

    assertThat(invocation.status()).isEqualTo(413);
    assertThat(invocation.body().path("message").asText()).contains(String.valueOf(LIMIT));
    assertThat(queue.messages()).isEmpty();
  }

  @Test
  void post_bodyExactlyAtTheLimit_isAccepted() {
    String request = Events.validCreate("r-3");
    String body = request + " ".repeat(LIMIT - request.length());

    Invocation invocation = Invocation.of(handler, Events.restApi("POST", body));

    assertThat(invocation.status()).isEqualTo(202);
  }

  @Test
  void post_bodySizeCountsUtf8Bytes_notCharacters() {
    String body = "é".repeat(LIMIT / 2 + 1);

    Invocation invocation = Invocation.of(handler, Events.httpApi("POST", body));

    assertThat(invocation.status()).isEqualTo(413);
  }

  @Test
  void anyMethodButPost_answers405WithAllowPost() {
    for (String method : new String[] {"GET", "PUT", "DELETE", "OPTIONS", "post"}) {
      Invocation invocation = Invocation.of(handler, Events.httpApi(method, "{}"));

      assertThat(invocation.status()).as(method).isEqualTo(405);
      assertThat(invocation.header("Allow")).as(method).isEqualTo("POST");
    }
    assertThat(queue.messages()).isEmpty();
  }

  @Test
  void queueFailure_answers503WithoutInternals_andLogsTheCause() throws Exception {
    WidgetRequestHandler failing =
        new WidgetRequestHandler(new UnavailableQueue(), new RequestParser(), () -> "fresh-id");

    Invocation invocation =
        Invocation.of(failing, Events.httpApi("POST", Events.validCreate("r-4")));

    assertThat(invocation.status()).isEqualTo(503);
    assertThat(invocation.response().path("body").asText())
        .doesNotContain("sqs", "refused", "Exception", "at dev.");
    JsonNode log = MAPPER.readTree(invocation.context().logLines().getFirst());
    assertThat(log.path("outcome").asText()).isEqualTo("queue-unavailable");
    assertThat(log.path("requestId").asText()).isEqualTo("r-4");
    assertThat(log.path("cause").asText()).isEqualTo(UnavailableQueue.CAUSE);
  }

  @Test
  void eachRequest_logsOneJsonLineWithOutcomeRequestIdWidgetIdAndType() throws Exception {
    Invocation invocation =
        Invocation.of(handler, Events.httpApi("POST", Events.validCreate("r-5")));

    assertThat(invocation.context().logLines()).hasSize(1);
    JsonNode log = MAPPER.readTree(invocation.context().logLines().getFirst());
    assertThat(log.path("outcome").asText()).isEqualTo("accepted");
    assertThat(log.path("status").asInt()).isEqualTo(202);
    assertThat(log.path("requestId").asText()).isEqualTo("r-5");
    assertThat(log.path("widgetId").asText()).isEqualTo("8123f304-f23f-440b-a6d3-80e979fa4cd6");
    assertThat(log.path("type").asText()).isEqualTo("create");
    assertThat(log.path("messageId").asText()).isEqualTo("message-1");
  }

  @Test
  void inputThatIsNotAProxyEvent_answers400() {
    for (String input : new String[] {"{\"Records\":[]}", "[]", "nonsense", "{\"httpMethod\":1}"}) {
      Invocation invocation = Invocation.of(handler, input);
      assertThat(invocation.status()).as(input).isEqualTo(400);
      assertThat(invocation.answer().path("message").asText()).contains("proxy event");
    }
  }

  @Test
  void plainEvent_validRequest_answersAPlainResultWithStatusRequestAndMessageIds() {
    Invocation invocation = Invocation.of(handler, Events.validCreate("r-6"));

    assertThat(invocation.response().path("statusCode").asInt()).isEqualTo(202);
    assertThat(invocation.response().path("requestId").asText()).isEqualTo("r-6");
    assertThat(invocation.response().path("messageId").asText()).isEqualTo("message-1");
    assertThat(invocation.response().has("body")).isFalse();
    assertThat(queue.messages()).hasSize(1);
  }

  @Test
  void plainEvent_withDuplicateKeys_isJudgedOnItsBytes_notOnAReadTree() {
    String twice =
        Events.validCreate("r-7")
            .replace(
                "\"owner\":\"Mary Matthews\"", "\"owner\":\"M4ry\",\"owner\":\"Mary Matthews\"");

    Invocation invocation = Invocation.of(handler, twice);

    assertThat(invocation.status()).isEqualTo(400);
    assertThat(invocation.answer().path("violations").toString()).contains("owner");
    assertThat(queue.messages()).isEmpty();
  }

  @Test
  void plainEvent_overTheLimit_answers413_asAPlainResult() {
    String request = Events.validCreate("r-8");
    String over = request.replace("\"label\":\"JWJYY\"", "\"label\":\"" + "x".repeat(LIMIT) + "\"");

    Invocation invocation = Invocation.of(handler, over);

    assertThat(invocation.status()).isEqualTo(413);
    assertThat(invocation.answer().path("message").asText()).contains(String.valueOf(LIMIT));
    assertThat(queue.messages()).isEmpty();
  }

  @Test
  void plainEvent_breakingRules_answersEveryBrokenRule() {
    Invocation invocation =
        Invocation.of(handler, "{\"type\":\"WidgetReplaceRequest\",\"widgetId\":\"w\"}");

    assertThat(invocation.status()).isEqualTo(400);
    assertThat(invocation.answer().path("violations").findValuesAsText("field"))
        .contains("type", "owner");
    assertThat(invocation.answer().path("requestId").asText()).isEqualTo("fresh-id");
  }

  @Test
  void eventWithAMethodAndRequestFields_isAProxyEvent_andItsBodyIsTheRequest() {
    String event =
        Events.restApi("POST", "{}").replace("\"httpMethod\"", "\"owner\":\"Eve\",\"httpMethod\"");

    Invocation invocation = Invocation.of(handler, event);

    assertThat(invocation.response().path("body").isTextual()).isTrue();
    assertThat(invocation.status()).isEqualTo(400);
    assertThat(queue.messages()).isEmpty();
  }
}
