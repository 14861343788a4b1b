package dev.widgetrequests.lambda;

import dev.widgetrequests.lambda.queue.QueueSendException;
import dev.widgetrequests.lambda.queue.RequestQueue;

/** A request queue that refuses every message, as SQS does when it is unreachable. */
final class UnavailableQueue implements RequestQueue {
  static final String CAUSE = "SendMessage to https://sqs.example/queue failed: connection refused";

  @Override
  public String send(String body, String widgetId, java.util.Map<String, String> attributes) {
    throw new QueueSendException(CAUSE, true, new java.net.ConnectException("connection refused"));
  }
}
