package dev.widgetrequests.source.sqs;

import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The order key of a message (docs/design/convergence.md): its {@value #REQUEST_KEY_ATTRIBUTE}
 * String attribute, set by the producer and the request handler; otherwise its send time as
 * 13-digit epoch milliseconds with a tie-break, so keys of both kinds compare in time order. The
 * tie-break is a FIFO message's sequence number (increasing within its message group, so a widget's
 * requests keep the queue's order), else the message id.
 */
final class OrderKeys {
  static final String REQUEST_KEY_ATTRIBUTE = "request-key";

  /** SQS sequence numbers have up to 128 bits: at most 39 decimal digits. */
  private static final int SEQUENCE_DIGITS = 40;

  private static final Pattern SEQUENCE = Pattern.compile("\\d{1,40}");

  private OrderKeys() {}

  static String of(Message message) {
    var attribute = message.messageAttributes().get(REQUEST_KEY_ATTRIBUTE);
    if (attribute != null
        && attribute.stringValue() != null
        && !attribute.stringValue().isBlank()
        && attribute.dataType() != null
        && attribute.dataType().startsWith("String")) {
      return attribute.stringValue();
    }
    String sequenceNumber = message.attributes().get(MessageSystemAttributeName.SEQUENCE_NUMBER);
    String tieBreak =
        sequenceNumber != null && SEQUENCE.matcher(sequenceNumber).matches()
            ? "0".repeat(SEQUENCE_DIGITS - sequenceNumber.length()) + sequenceNumber
            : message.messageId();
    return fromSentTimestamp(
        message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP), tieBreak);
  }

  static String fromSentTimestamp(String sentTimestamp, String tieBreak) {
    long millis;
    try {
      millis = sentTimestamp == null ? 0 : Long.parseLong(sentTimestamp);
    } catch (NumberFormatException notANumber) {
      millis = 0;
    }
    return "%013d-%s".formatted(millis, tieBreak);
  }
}
