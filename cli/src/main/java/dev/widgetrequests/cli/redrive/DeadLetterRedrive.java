package dev.widgetrequests.cli.redrive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Moves dead letters from a dead-letter queue back to the queue they came from (their {@code
 * source-queue} attribute, or a given one). Each is sent, then deleted: a crash in between leaves a
 * duplicate, never a loss. Messages left where they are are made visible again at the end.
 */
final class DeadLetterRedrive {
  /** Long enough to send and delete a batch; short so an interrupted run hides nothing for long. */
  private static final int VISIBILITY_SECONDS = 30;

  private static final Set<String> DEAD_LETTER_ATTRIBUTES =
      Set.of("reason", "source-queue", "source-message-id", "source-object");

  private final SqsClient sqs;
  private final String deadLetterQueueUrl;
  private final String targetQueueUrl;

  /**
   * @param targetQueueUrl where every dead letter goes, or {@code null} for its source queue
   */
  DeadLetterRedrive(SqsClient sqs, String deadLetterQueueUrl, String targetQueueUrl) {
    this.sqs = sqs;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
    this.targetQueueUrl = targetQueueUrl;
  }

  /** Redrives what {@code selection} takes, telling {@code each} about every one. */
  List<Redriven> run(Selection selection, Consumer<Redriven> each) {
    List<Redriven> taken = new ArrayList<>();
    List<Message> leftAlone = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try {
      while (taken.size() < selection.max()) {
        List<Message> batch = receive();
        // Seen before: its visibility ran out during a long run; this pass is over.
        List<Message> fresh = batch.stream().filter(m -> seen.add(m.messageId())).toList();
        batch.stream().filter(m -> !fresh.contains(m)).forEach(leftAlone::add);
        if (fresh.isEmpty()) {
          break;
        }
        for (Message message : fresh) {
          String reason = text(message, "reason");
          String target = targetQueueUrl != null ? targetQueueUrl : text(message, "source-queue");
          if (taken.size() >= selection.max() || !selection.matches(reason) || target == null) {
            leftAlone.add(message);
            continue;
          }
          Redriven redriven = new Redriven(message.messageId(), reason, target);
          if (selection.dryRun()) {
            leftAlone.add(message);
          } else {
            moveTo(target, message);
          }
          taken.add(redriven);
          each.accept(redriven);
        }
      }
    } finally {
      leftAlone.forEach(this::release);
    }
    return taken;
  }

  private List<Message> receive() {
    return sqs.receiveMessage(
            r ->
                r.queueUrl(deadLetterQueueUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .visibilityTimeout(VISIBILITY_SECONDS)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP))
        .messages();
  }

  private void moveTo(String target, Message message) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>(message.messageAttributes());
    DEAD_LETTER_ATTRIBUTES.forEach(attributes::remove);
    boolean fifo = target.endsWith(".fifo");
    String group = text(message, "widget-id");
    sqs.sendMessage(
        r ->
            r.queueUrl(target)
                .messageBody(message.body())
                .messageAttributes(attributes)
                .messageGroupId(fifo ? (group != null ? group : "redriven") : null)
                .messageDeduplicationId(fifo ? "redrive-" + message.messageId() : null));
    sqs.deleteMessage(r -> r.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()));
  }

  private void release(Message message) {
    try {
      sqs.changeMessageVisibility(
          r ->
              r.queueUrl(deadLetterQueueUrl)
                  .receiptHandle(message.receiptHandle())
                  .visibilityTimeout(0));
    } catch (SqsException stale) {
      // An old receipt handle: the message shows again once its visibility timeout ends.
    }
  }

  private static String text(Message message, String attribute) {
    MessageAttributeValue value = message.messageAttributes().get(attribute);
    return value == null ? null : value.stringValue();
  }
}
