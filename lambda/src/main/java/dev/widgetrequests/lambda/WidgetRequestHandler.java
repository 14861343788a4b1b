package dev.widgetrequests.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.lambda.apigateway.EventRead;
import dev.widgetrequests.lambda.apigateway.MediaTypes;
import dev.widgetrequests.lambda.apigateway.ProxyEvent;
import dev.widgetrequests.lambda.apigateway.ProxyJson;
import dev.widgetrequests.lambda.intake.RequestIntake;
import dev.widgetrequests.lambda.intake.RequestKeys;
import dev.widgetrequests.lambda.queue.RequestQueue;
import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The request handler: the Lambda function behind API Gateway. Takes one widget request per POST
 * (REST API or HTTP API proxy event) or per plain event (the request itself: a direct invoke, the
 * console's test event, a REST API non-proxy integration), validates it and puts its canonical form
 * on the request queue; answers 202 with the request and message ids, or 400 / 405 / 413 / 415 /
 * 500 / 503 with a JSON message, in the shape it was asked: a proxy response to a proxy event, a
 * plain JSON result with {@code statusCode} to a plain event (docs/design/request-format.md).
 * Writes one log line per request. Never throws on what a caller sent. Thread safe.
 */
public final class WidgetRequestHandler implements RequestStreamHandler {
  private final RequestIntake intake;
  private final ProxyJson proxyJson;
  private final Answers answers;

  /**
   * For the Lambda runtime: reads {@code REQUEST_QUEUE_URL} and builds the SQS client here, at
   * init, so each invocation reuses it and a SnapStart snapshot already holds it.
   */
  public WidgetRequestHandler() {
    this(HandlerSettings.fromEnvironment(System.getenv()));
  }

  private WidgetRequestHandler(HandlerSettings settings) {
    this(
        SqsRequestQueue.create(settings.queueUrl(), settings.ownerGroups()),
        new RequestParser(settings.messageSize()),
        () -> UUID.randomUUID().toString());
  }

  /** A handler sending to {@code queue}, with random UUIDs for requests that have no id. */
  public WidgetRequestHandler(RequestQueue queue) {
    // Drawn per request, never at init: a SnapStart snapshot must not hold the next id.
    this(queue, new RequestParser(), () -> UUID.randomUUID().toString());
  }

  public WidgetRequestHandler(
      RequestQueue queue, RequestParser parser, Supplier<String> requestIds) {
    this(queue, parser, requestIds, RequestKeys.drawingPerRequest(Clock.systemUTC()));
  }

  public WidgetRequestHandler(
      RequestQueue queue, RequestParser parser, Supplier<String> requestIds, RequestKeys keys) {
    ObjectMapper mapper = new ObjectMapper();
    this.intake = new RequestIntake(parser, queue, requestIds, keys);
    this.proxyJson = new ProxyJson(mapper);
    this.answers = new Answers(mapper);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    EventRead read = proxyJson.readEvent(input);
    Answer answer =
        switch (read) {
          case EventRead.Event event -> answer(event.event());
          case EventRead.Plain plain -> answers.to(intake.submit(plain.body()));
          case EventRead.Malformed malformed -> answers.badEvent(malformed.reason());
        };
    context.getLogger().log(answer.logLine());
    boolean proxy =
        switch (read) {
          case EventRead.Event event -> true;
          case EventRead.Plain plain -> false;
          case EventRead.Malformed malformed -> malformed.proxy();
        };
    if (proxy) {
      proxyJson.writeResponse(answer.response(), output);
    } else {
      proxyJson.writePlainResult(answer.response(), output);
    }
  }

  private Answer answer(ProxyEvent event) {
    if (!"POST".equals(event.method())) {
      return answers.methodNotAllowed(event.method());
    }
    for (String contentType : event.contentTypes()) {
      if (!MediaTypes.isJson(contentType)) {
        return answers.unsupportedMediaType(contentType);
      }
    }
    return answers.to(intake.submit(event.body()));
  }
}
