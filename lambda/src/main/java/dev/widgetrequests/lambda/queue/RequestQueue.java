package dev.widgetrequests.lambda.queue;

import java.util.Map;

/** Where accepted requests go: the request queue the consumer reads. */
public interface RequestQueue {

  /**
   * Sends one message and returns the id the queue gave it.
   *
   * @param body the request JSON, exactly as the consumer should read it
   * @param widgetId the request's widget: on a FIFO queue, its message group, so that each widget's
   *     requests keep their order
   * @param attributes String message attributes ({@code request-key}, {@code request-id}, {@code
   *     widget-id})
   * @throws QueueSendException when the queue did not take the message (after the client's own
   *     retries)
   */
  String send(String body, String widgetId, Map<String, String> attributes);

  /**
   * Sends one message for a request of {@code owner}, the tenant a standard queue may group by (SQS
   * fair queues); a queue that does not group by owner sends as {@link #send(String, String, Map)}.
   */
  default String send(String body, String widgetId, String owner, Map<String, String> attributes) {
    return send(body, widgetId, attributes);
  }
}
