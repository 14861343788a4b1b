package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.widgetrequests.lambda.WidgetRequestHandler;
import dev.widgetrequests.lambda.queue.RequestQueue;
import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hostile HTTP requests through the real request handler onto the pipeline's real queue: checks
 * each answer, and that every message queued is the canonical form of a valid request.
 */
final class HostileHttp {
  private static final Set<String> CANONICAL_FIELDS =
      Set.of("type", "requestId", "widgetId", "owner", "label", "description", "otherAttributes");

  /** One message the handler queued. */
  record Queued(String messageId, String body, Map<String, String> attributes) {}

  private final List<Queued> queued = new ArrayList<>();
  private final WidgetRequestHandler handler;
  final Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();

  HostileHttp(Pipeline pipeline) {
    RequestQueue sqs = new SqsRequestQueue(pipeline.stack.sqs(), pipeline.queue.queueUrl());
    RequestQueue recording =
        (body, widgetId, attributes) -> {
          String id = sqs.send(body, widgetId, attributes);
          synchronized (queued) {
            queued.add(new Queued(id, body, attributes));
          }
          return id;
        };
    this.handler = new WidgetRequestHandler(recording);
  }

  /** Sends {@code count} hostile events; every answer is the one expected, none a 5xx. */
  void feed(int count, HostileExpectations expect) {
    HostileBodies bodies = new HostileBodies(10, "http");
    HostileEvents events = new HostileEvents(bodies);
    List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
    try (var io = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var inFlight = new java.util.concurrent.Semaphore(16);
      for (int i = 0; i < count; i++) {
        byte[] body = bodies.body(bodies.nextInt(HostileBodies.KINDS));
        HostileEvents.Event event = events.event(body, expectedFor(body));
        inFlight.acquireUninterruptibly();
        io.submit(
            () -> {
              try {
                int status = invoke(event.json());
                statuses.merge(status, 1, Integer::sum);
                if (status != event.expectedStatus()) {
                  wrong.add(
                      status
                          + " instead of "
                          + event.expectedStatus()
                          + " for "
                          + shown(event.json()));
                }
              } finally {
                inFlight.release();
              }
            });
        expect.fedHttp++;
      }
    }
    assertThat(statuses.keySet()).as("no 5xx while SQS is up").allMatch(s -> s < 500);
    assertThat(wrong).as("answers").isEmpty();
    checkCanonical(expect);
  }

  private void checkCanonical(HostileExpectations expect) {
    assertThat(queued).hasSize(statuses.getOrDefault(202, 0));
    for (Queued message : queued) {
      JsonNode json = readJson(message.body());
      assertThat(json.isObject()).as(message.body()).isTrue();
      assertThat(json.propertyStream().map(Map.Entry::getKey).toList())
          .as(message.body())
          .isSubsetOf(CANONICAL_FIELDS)
          .doesNotContain("Records");
      WidgetRequest request =
          HostileExpectations.valid(message.body().getBytes(StandardCharsets.UTF_8));
      assertThat(request).as("queued and valid: " + shown(message.body())).isNotNull();
      assertThat(message.attributes().get("request-key")).matches("\\d{13}-\\d{4}-[0-9a-f]{8}");
      assertThat(message.attributes()).containsEntry("widget-id", request.widgetId());
      expect.applied(message.messageId(), request);
    }
  }

  private static int expectedFor(byte[] body) {
    if (body.length > RequestParser.MAX_BODY_BYTES) {
      return 413;
    }
    return HostileExpectations.valid(body) == null ? 400 : 202;
  }

  private int invoke(String event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
          out,
          new QuietContext());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return readJson(out.toString(StandardCharsets.UTF_8)).path("statusCode").asInt();
  }

  private static JsonNode readJson(String json) {
    try {
      return HostileBodies.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String shown(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + text.length() + ")";
  }

  /** The handler's one log line per request is not needed here. */
  private static final class QuietContext implements Context {
    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {}

        @Override
        public void log(byte[] message) {}
      };
    }

    @Override
    public String getAwsRequestId() {
      return "hostile";
    }

    @Override
    public String getLogGroupName() {
      return "hostile";
    }

    @Override
    public String getLogStreamName() {
      return "hostile";
    }

    @Override
    public String getFunctionName() {
      return "widget-requests";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:widget-requests";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 29_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }
  }
}
