package dev.widgetrequests.cli.redrive;

import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Where a dead letter may go back to, and who wrote its reason (docs/design/dead-letters.md).
 *
 * <ul>
 *   <li>SQS itself moved it (after the source queue's maxReceiveCount): SQS's own {@code
 *       DeadLetterQueueSourceArn} names the queue, which no sender can set; its {@code reason} and
 *       {@code source-queue} attributes are the original sender's, shown as such. It goes back to
 *       that queue, unless it claims another one: then it stays.
 *   <li>Sent straight to the dead-letter queue, which only the consumer may do: its {@code reason}
 *       is the consumer's, and its {@code source-queue} must be a queue whose redrive policy names
 *       this dead-letter queue, else it stays.
 * </ul>
 *
 * With {@code --to}, the operator has named the queue: every letter goes there.
 */
final class DeadLetterOrigins {
  private final SourceQueues sources;
  private final String to;

  DeadLetterOrigins(SourceQueues sources, String to) {
    this.sources = sources;
    this.to = to;
  }

  Redriven judge(Message message) {
    String id = message.messageId();
    String reason = text(message, "reason");
    String claimed = text(message, "source-queue");
    String movedFrom =
        message.attributes().get(MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN);
    String sender = message.attributes().getOrDefault(MessageSystemAttributeName.SENDER_ID, "?");
    if (movedFrom != null) {
      String receives =
          message
              .attributes()
              .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "?");
      String from = sources.byArn(movedFrom).orElse(null);
      String note =
          "moved here by SQS from "
              + (from != null ? from : movedFrom)
              + " after "
              + receives
              + " receives; its reason and source-queue attributes, if any, are the sender's"
              + " (sender "
              + sender
              + ")";
      if (to != null) {
        return new Redriven(id, reason, to, note);
      }
      if (from == null) {
        return new Redriven(id, reason, null, note + "; that queue no longer names this one");
      }
      if (claimed != null && !sources.byUrl(claimed).map(from::equals).orElse(false)) {
        return new Redriven(id, reason, null, note + "; it claims source-queue " + claimed);
      }
      return new Redriven(id, reason, from, note);
    }
    String note = "sent straight to this queue, as the consumer does (sender " + sender + ")";
    if (to != null) {
      return new Redriven(id, reason, to, note);
    }
    if (claimed == null) {
      return new Redriven(id, reason, null, note + "; it names no source-queue: give --to");
    }
    return sources
        .byUrl(claimed)
        .map(url -> new Redriven(id, reason, url, note))
        .orElseGet(
            () ->
                new Redriven(
                    id,
                    reason,
                    null,
                    note
                        + "; its source-queue "
                        + claimed
                        + " has no redrive policy naming this dead-letter queue"));
  }

  static String text(Message message, String attribute) {
    MessageAttributeValue value = message.messageAttributes().get(attribute);
    return value == null ? null : value.stringValue();
  }
}
