package dev.widgetrequests.cli.redrive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Moves dead letters back to a verified source queue (or a given one), once each: only those
 * present when the pass started, never one it sent itself, so a consumer that dead-letters them
 * again cannot make it run forever. Each is sent, then deleted: a crash in between leaves a
 * duplicate, never a loss. Letters left where they are are made visible again at the end. See
 * docs/design/dead-letters.md.
 */
final class DeadLetterRedrive {
  /** Long enough to send and delete a batch; short so an interrupted run hides nothing for long. */
  private static final int VISIBILITY_SECONDS = 30;

  private static final Set<String> DEAD_LETTER_ATTRIBUTES =
      Set.of("reason", "source-queue", "source-message-id", "source-object");

  private final SqsClient sqs;
  private final String deadLetterQueueUrl;
  private final String targetQueueUrl;
  private final Clock clock;

  /**
   * @param targetQueueUrl where every dead letter goes, or {@code null} for its verified source
   */
  DeadLetterRedrive(SqsClient sqs, String deadLetterQueueUrl, String targetQueueUrl, Clock clock) {
    this.sqs = sqs;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
    this.targetQueueUrl = targetQueueUrl;
    this.clock = clock;
  }

  /**
   * Redrives what {@code selection} takes, telling {@code each} about every letter it takes or
   * leaves unverified; ends early, between two letters, once {@code stopRequested} says so.
   */
  RedriveSummary run(Selection selection, Consumer<Redriven> each, BooleanSupplier stopRequested) {
    long startedAt = clock.millis();
    DeadLetterOrigins origins =
        new DeadLetterOrigins(SourceQueues.of(sqs, deadLetterQueueUrl), targetQueueUrl);
    Set<String> seen = new HashSet<>();
    Set<String> sentHere = new HashSet<>();
    List<Message> leftAlone = new ArrayList<>();
    int moved = 0;
    int unverified = 0;
    int arrived = 0;
    boolean stopped = false;
    try {
      while (moved < selection.max()) {
        if (stopRequested.getAsBoolean()) {
          stopped = true;
          break;
        }
        List<Message> batch = receive();
        // Seen before: its visibility ran out during a long run; this pass is over.
        List<Message> fresh = batch.stream().filter(m -> seen.add(m.messageId())).toList();
        batch.stream().filter(m -> !fresh.contains(m)).forEach(leftAlone::add);
        if (fresh.isEmpty()) {
          break;
        }
        for (Message message : fresh) {
          if (moved >= selection.max() || stopped || stopRequested.getAsBoolean()) {
            stopped = stopped || moved < selection.max();
            leftAlone.add(message);
            continue;
          }
          if (arrivedDuringRun(message, startedAt, sentHere)) {
            arrived++;
            leftAlone.add(message);
            continue;
          }
          Redriven redriven = origins.judge(message);
          if (!selection.matches(redriven.reason())) {
            leftAlone.add(message);
            continue;
          }
          if (!redriven.moves()) {
            unverified++;
            leftAlone.add(message);
          } else if (selection.dryRun()) {
            moved++;
            leftAlone.add(message);
          } else {
            sentHere.add(moveTo(redriven.target(), message));
            moved++;
          }
          each.accept(redriven);
        }
      }
    } finally {
      leftAlone.forEach(this::release);
    }
    return new RedriveSummary(moved, unverified, arrived, stopped);
  }

  /**
   * Sent after this pass started, or sent by it (SQS moved it back under the same id, or the
   * consumer dead-lettered it again naming that id): not one of the letters present at the start.
   */
  private static boolean arrivedDuringRun(Message message, long startedAt, Set<String> sentHere) {
    String sourceMessageId = DeadLetterOrigins.text(message, "source-message-id");
    if (sentHere.contains(message.messageId()) || sentHere.contains(sourceMessageId)) {
      return true;
    }
    String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
    try {
      return sent != null && Long.parseLong(sent) >= startedAt;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }

  private List<Message> receive() {
    return sqs.receiveMessage(
            r ->
                r.queueUrl(deadLetterQueueUrl)
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds(1)
                    .visibilityTimeout(VISIBILITY_SECONDS)
                    .messageAttributeNames("All")
                    .messageSystemAttributeNames(
                        MessageSystemAttributeName.SENT_TIMESTAMP,
                        MessageSystemAttributeName.SENDER_ID,
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.DEAD_LETTER_QUEUE_SOURCE_ARN))
        .messages();
  }

  /** Sends the letter to {@code target} and deletes it here; returns the id of the message sent. */
  private String moveTo(String target, Message message) {
    Map<String, MessageAttributeValue> attributes = new HashMap<>(message.messageAttributes());
    DEAD_LETTER_ATTRIBUTES.forEach(attributes::remove);
    boolean fifo = target.endsWith(".fifo");
    String group = DeadLetterOrigins.text(message, "widget-id");
    String sentId =
        sqs.sendMessage(
                r ->
                    r.queueUrl(target)
                        .messageBody(message.body())
                        .messageAttributes(attributes)
                        .messageGroupId(fifo ? (group != null ? group : "redriven") : null)
                        .messageDeduplicationId(fifo ? "redrive-" + message.messageId() : null))
            .messageId();
    sqs.deleteMessage(r -> r.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()));
    return sentId;
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
}
