package dev.widgetrequests.producer.sink;

import dev.widgetrequests.aws.source.sqs.SqsRequestSource;
import dev.widgetrequests.model.source.MessageGroups;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * One SQS message: its body and message attributes, and for a FIFO queue the group (the widget, so
 * each widget's requests keep their order) and the deduplication id (the request's key); on a
 * standard queue the owner's group ({@link MessageGroups}), the tenant of a fair queue.
 */
record QueueMessage(
    String body,
    Map<String, MessageAttributeValue> attributes,
    String groupId,
    String deduplicationId,
    String ownerGroupId) {
  QueueMessage {
    attributes = Map.copyOf(attributes);
  }

  /**
   * The String message attribute that carries the request's order key (docs/design/convergence.md).
   */
  static final String REQUEST_KEY_ATTRIBUTE = SqsRequestSource.REQUEST_KEY_ATTRIBUTE;

  /** A message for the request, with its key in {@value #REQUEST_KEY_ATTRIBUTE}. */
  static QueueMessage of(
      OutgoingRequest request, String body, Map<String, MessageAttributeValue> attributes) {
    Map<String, MessageAttributeValue> withKey = new HashMap<>(attributes);
    withKey.put(
        REQUEST_KEY_ATTRIBUTE,
        MessageAttributeValue.builder().dataType("String").stringValue(request.key()).build());
    return new QueueMessage(
        body,
        withKey,
        request.request().widgetId(),
        request.key(),
        MessageGroups.ofOwner(request.request().owner()));
  }

  /** The message's size as SQS counts it: the body and each attribute's name, type and value. */
  int sizeBytes() {
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    for (Map.Entry<String, MessageAttributeValue> attribute : attributes.entrySet()) {
      MessageAttributeValue value = attribute.getValue();
      bytes +=
          attribute.getKey().getBytes(StandardCharsets.UTF_8).length
              + value.dataType().getBytes(StandardCharsets.UTF_8).length
              + (value.stringValue() == null
                  ? 0
                  : value.stringValue().getBytes(StandardCharsets.UTF_8).length);
    }
    return bytes;
  }
}
