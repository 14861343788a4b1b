package dev.widgetrequests.producer.sink;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One SQS message: its body and message attributes, and for a FIFO queue the group (the widget, so
 * each widget's requests keep their order) and the deduplication id (the request's key).
 */
record QueueMessage(
    String body,
    Map<String, MessageAttributeValue> attributes,
    String groupId,
    String deduplicationId) {
  QueueMessage {
    attributes = Map.copyOf(attributes);
  }

  static QueueMessage of(
      OutgoingRequest request, String body, Map<String, MessageAttributeValue> attributes) {
    return new QueueMessage(body, attributes, request.request().widgetId(), request.key());
  }
}
