package dev.widgetrequests.aws.source.sqs;

import dev.widgetrequests.model.source.OrderKeyCheck;
import dev.widgetrequests.model.source.OrderKeyCheck.OrderKey;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The order key of a message (docs/design/convergence.md): its {@value #REQUEST_KEY_ATTRIBUTE}
 * String attribute, set by the producer and the request handler, when it lies within the bounds of
 * the message's {@code SentTimestamp} (the time SQS received it); otherwise, and for a message that
 * claims no key, the send time as 13-digit epoch milliseconds with a tie-break. A pointer message
 * is ordered the same way: never by the name of the object it points at. The tie-break is a FIFO
 * message's sequence number (increasing within its message group, so a widget's requests keep the
 * queue's order), else the message id.
 */
final class OrderKeys {
  static final String REQUEST_KEY_ATTRIBUTE = "request-key";

  /** SQS sequence numbers have up to 128 bits: at most 39 decimal digits. */
  private static final int SEQUENCE_DIGITS = 40;

  private static final Pattern SEQUENCE = Pattern.compile("\\d{1,40}");

  private OrderKeys() {}

  static OrderKey of(Message message, OrderKeyCheck check) {
    return check.keyOf(claim(message), sentMillis(message), tieBreak(message));
  }

  private static String claim(Message message) {
    var attribute = message.messageAttributes().get(REQUEST_KEY_ATTRIBUTE);
    if (attribute != null
        && attribute.stringValue() != null
        && !attribute.stringValue().isBlank()
        && attribute.dataType() != null
        && attribute.dataType().startsWith("String")) {
      return attribute.stringValue();
    }
    return null;
  }

  private static String tieBreak(Message message) {
    String sequenceNumber = message.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER);
    return sequenceNumber != null && SEQUENCE.matcher(sequenceNumber).matches()
        ? "0".repeat(SEQUENCE_DIGITS - sequenceNumber.length()) + sequenceNumber
        : message.messageId();
  }

  /** SQS always sets it when asked (the consumer asks); a message without one sorts first. */
  private static long sentMillis(Message message) {
    String sentTimestamp = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    try {
      return sentTimestamp == null ? 0 : Long.parseLong(sentTimestamp);
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }
}
