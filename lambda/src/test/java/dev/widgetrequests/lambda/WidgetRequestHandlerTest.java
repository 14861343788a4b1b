package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void post_validRequest_sendsTheBodyAsIs_andAnswers202WithRequestAndMessageIds() {
    String request = Events.validCreate("r-1");

    Invocation invocation = Invocation.of(handler, Events.httpApi("POST", request));

    assertThat(invocation.status()).isEqualTo(202);
    assertThat(invocation.body().path("requestId").asText()).isEqualTo("r-1");
    assertThat(invocation.body().path("messageId").asText()).isEqualTo("message-1");
    assertThat(queue.messages()).containsExactly(request);
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
  void inputThatIsNotAProxyEvent_isRefused() {
    assertThatThrownBy(() -> Invocation.of(handler, "{\"Records\":[]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an API Gateway proxy event");
  }
}
