package dev.widgetrequests.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.lambda.WidgetRequestHandler;
import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.local.QueuePair;
import dev.widgetrequests.local.http.ApiGatewayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The dashboard's routes on a real stack, and dead letters read without hiding them. */
@ExtendWith(LocalStackExtension.class)
class DashboardIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void status_showsDeadLettersWithReasons_widgetsPerStore_andLeavesTheDeadLettersVisible(
      LocalStack stack) throws Exception {
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("dashboard"));
    String requests = stack.createBucket(stack.uniqueName("requests"));
    String widgets = stack.createBucket(stack.uniqueName("widgets"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    stack
        .s3()
        .putObject(r -> r.bucket(widgets).key("widgets/mary/w1"), RequestBody.fromString("{}"));
    stack
        .s3()
        .putObject(r -> r.bucket(widgets).key("widget-state/w1"), RequestBody.fromString("{}"));
    for (String reason : List.of("owner: is required", "body: not valid JSON")) {
      stack
          .sqs()
          .sendMessage(
              r ->
                  r.queueUrl(queue.deadLetterQueueUrl())
                      .messageBody("bad")
                      .messageAttributes(
                          Map.of(
                              "reason",
                              MessageAttributeValue.builder()
                                  .dataType("String")
                                  .stringValue(reason)
                                  .build())));
    }
    var sources =
        new DashboardSources(
            stack.sqs(),
            stack.s3(),
            stack.dynamoDb(),
            queue.queueUrl(),
            queue.deadLetterQueueUrl(),
            requests,
            widgets,
            table,
            List.of(URI.create("http://127.0.0.1:1/metrics")), // nobody there
            () -> Map.of("SQS", 12L),
            Duration.ofMillis(200));
    var handler = new WidgetRequestHandler(new SqsRequestQueue(stack.sqs(), queue.queueUrl()));
    try (ApiGatewayServer server = new ApiGatewayServer(handler, 0);
        Dashboard dashboard = Dashboard.start(sources)) {
      server.serveOtherPaths(dashboard);
      String base = "http://127.0.0.1:" + server.port();

      JsonNode status = statusWith(base, 2);
      assertThat(status.at("/deadLetters/latest").findValuesAsText("reason"))
          .containsExactlyInAnyOrder("owner: is required", "body: not valid JSON");
      assertThat(status.at("/widgets/s3").asLong()).isEqualTo(1);
      assertThat(status.at("/widgets/dynamoDb").asLong()).isZero();
      assertThat(status.at("/consumers/0/up").asBoolean()).isFalse();
      assertThat(status.at("/calls/SQS/total").asLong()).isEqualTo(12);
      assertThat(status.at("/queue/visible").asLong()).isZero();
      assertThat(visible(stack, queue.deadLetterQueueUrl())).isEqualTo(2);

      assertThat(get(base + "/").body()).contains("<title>Widget Requests");
      assertThat(get(base + "/dashboard.js").headers().firstValue("Content-Type"))
          .hasValue("text/javascript; charset=utf-8");
      assertThat(get(base + "/nothing-here").statusCode()).isEqualTo(404);
      var posted =
          http.send(
              HttpRequest.newBuilder(URI.create(base + ApiGatewayServer.PATH))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("not json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).isEqualTo(400); // the request handler still answers there
    }
  }

  private JsonNode statusWith(String base, int deadLetters) throws Exception {
    JsonNode status = null;
    for (long until = System.nanoTime() + 30_000_000_000L; System.nanoTime() < until; ) {
      status = new ObjectMapper().readTree(get(base + "/api/status").body());
      if (status.at("/deadLetters/count").asLong() == deadLetters
          && status.at("/deadLetters/latest").size() == deadLetters) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the dashboard never showed " + deadLetters + " dead letters: " + status);
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int visible(LocalStack stack, String queueUrl) {
    return Integer.parseInt(
        stack
            .sqs()
            .getQueueAttributes(
                r -> r.queueUrl(queueUrl).attributeNamesWithStrings("ApproximateNumberOfMessages"))
            .attributesAsStrings()
            .get("ApproximateNumberOfMessages"));
  }
}
