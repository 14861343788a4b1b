package dev.widgetrequests.producer.sink;

import java.util.Map;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** One SQS message: its body and message attributes. */
record QueueMessage(String body, Map<String, MessageAttributeValue> attributes) {
  QueueMessage {
    attributes = Map.copyOf(attributes);
  }
}
