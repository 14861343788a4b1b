package dev.widgetrequests.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.lambda.WidgetRequestHandler;
import dev.widgetrequests.lambda.queue.RequestQueue;
import dev.widgetrequests.local.PortInUseException;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiGatewayServerTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CREATE =
      "{\"type\":\"create\",\"requestId\":\"r-1\",\"widgetId\":\"w-1\",\"owner\":\"Sue Smith\"}";

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> sent = new ArrayList<>();
  private final RequestQueue queue =
      (body, widgetId, attributes) -> {
        synchronized (sent) {
          sent.add(body);
          return "message-" + sent.size();
        }
      };
  private ApiGatewayServer server;

  @AfterEach
  void stop() {
    server.close();
    http.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("X-Custom-Header", "Mixed Case")
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  private void serve(RequestStreamHandler handler) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T11:20:05Z"), ZoneOffset.UTC);
    server = new ApiGatewayServer(handler, 0, clock);
  }

  @Test
  void post_validRequest_reachesTheQueue_andAnswers202() throws Exception {
    serve(new WidgetRequestHandler(queue, new RequestParser(), () -> "fresh-id"));

    HttpResponse<String> response = send("POST", ApiGatewayServer.PATH, CREATE);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(MAPPER.readTree(response.body()).path("messageId").asText()).isEqualTo("message-1");
    assertThat(sent).containsExactly(CREATE);
  }

  @Test
  void get_answers405WithAllowPost() throws Exception {
    serve(new WidgetRequestHandler(queue, new RequestParser(), () -> "fresh-id"));

    HttpResponse<String> response = send("GET", ApiGatewayServer.PATH, null);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(sent).isEmpty();
  }

  @Test
  void otherPaths_answer404Json_withoutInvokingTheFunction() throws Exception {
    AtomicReference<String> event = new AtomicReference<>();
    serve(capturing(event));

    HttpResponse<String> response = send("POST", ApiGatewayServer.PATH + "/extra", "{}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    assertThat(event.get()).isNull();
  }

  @Test
  void post_becomesTheHttpApiEventApiGatewayWouldSend() throws Exception {
    AtomicReference<String> captured = new AtomicReference<>();
    serve(capturing(captured));

    send("POST", ApiGatewayServer.PATH + "?dryRun=1", CREATE);

    JsonNode event = MAPPER.readTree(captured.get());
    assertThat(event.path("version").asText()).isEqualTo("2.0");
    assertThat(event.path("rawPath").asText()).isEqualTo("/widget-requests");
    assertThat(event.path("rawQueryString").asText()).isEqualTo("dryRun=1");
    assertThat(event.path("headers").path("x-custom-header").asText()).isEqualTo("Mixed Case");
    assertThat(event.path("headers").path("content-type").asText()).isEqualTo("application/json");
    JsonNode context = event.path("requestContext");
    assertThat(context.path("http").path("method").asText()).isEqualTo("POST");
    assertThat(context.path("http").path("path").asText()).isEqualTo("/widget-requests");
    assertThat(context.path("http").path("sourceIp").asText()).isEqualTo("127.0.0.1");
    assertThat(context.path("requestId").asText()).isNotEmpty();
    assertThat(context.path("time").asText()).isEqualTo("24/Nov/2026:11:20:05 +0000");
    assertThat(context.path("timeEpoch").asLong()).isEqualTo(1795519205000L);
    assertThat(event.path("body").asText()).isEqualTo(CREATE);
    assertThat(event.path("isBase64Encoded").asBoolean(true)).isFalse();
  }

  @Test
  void post_bodyThatIsNotUtf8_reachesTheFunctionBase64Encoded() throws Exception {
    AtomicReference<String> captured = new AtomicReference<>();
    serve(capturing(captured));
    byte[] latin1 = {'{', '"', 'o', (byte) 0xE9, '"', '}'};

    http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + ApiGatewayServer.PATH))
            .header("Content-Type", "application/json; charset=iso-8859-1")
            .POST(BodyPublishers.ofByteArray(latin1))
            .build(),
        BodyHandlers.ofString());

    JsonNode event = MAPPER.readTree(captured.get());
    assertThat(event.path("isBase64Encoded").asBoolean(false)).isTrue();
    assertThat(java.util.Base64.getDecoder().decode(event.path("body").asText())).isEqualTo(latin1);
  }

  @Test
  void functionResponse_statusHeadersAndBody_areWrittenBack() throws Exception {
    serve(
        (input, output, context) ->
            output.write(
                """
                {"statusCode":418,"headers":{"X-Teapot":"yes"},"body":"short and stout"}"""
                    .getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> response = send("POST", ApiGatewayServer.PATH, "{}");

    assertThat(response.statusCode()).isEqualTo(418);
    assertThat(response.headers().firstValue("X-Teapot")).hasValue("yes");
    assertThat(response.body()).isEqualTo("short and stout");
  }

  @Test
  void functionFailure_answers500LikeApiGateway_withoutTheDetail() throws Exception {
    serve(
        (input, output, context) -> {
          throw new IOException("disk on fire");
        });

    HttpResponse<String> response = send("POST", ApiGatewayServer.PATH, "{}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }

  @Test
  void portInUse_isReportedAsSuch() {
    serve(capturing(new AtomicReference<>()));

    assertThatThrownBy(
            () -> new ApiGatewayServer(capturing(new AtomicReference<>()), server.port()))
        .isInstanceOf(PortInUseException.class)
        .hasMessageContaining("127.0.0.1:" + server.port());
  }

  private static RequestStreamHandler capturing(AtomicReference<String> event) {
    return (input, output, context) -> {
      event.set(new String(input.readAllBytes(), StandardCharsets.UTF_8));
      output.write("{\"statusCode\":204}".getBytes(StandardCharsets.UTF_8));
    };
  }
}
