package dev.widgetrequests.producer.sink;

import dev.widgetrequests.model.config.ConfigurationException;
import dev.widgetrequests.model.config.MessageSize;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * One SQS message per request, body the request JSON, as the course producer sent them. Batches go
 * out as one SendMessageBatch (SQS takes up to 10); entries SQS reports as failed on its side are
 * sent again a few times.
 */
public final class QueueSink implements RequestSink {
  /** SendMessageBatch takes at most 10 entries. */
  public static final int MAX_BATCH = 10;

  private static final int ATTEMPTS = 3;

  private final SqsClient sqs;
  private final String queueUrl;

  /** A FIFO queue keeps each widget's requests in order: one message group per widget. */
  private final boolean fifo;

  /** On a standard queue, whether each message names its owner's group (fair queues). */
  private final boolean ownerGroups;

  /** The largest message sent: the setting, or less when the queue says it takes less. */
  private volatile int maxMessageBytes;

  /** A sink that groups messages by owner on a standard queue, of up to 256 KiB a message. */
  public QueueSink(SqsClient sqs, String queueUrl) {
    this(sqs, queueUrl, true, MessageSize.DEFAULT);
  }

  /**
   * @param ownerGroups on a standard queue, give each message its owner's {@code MessageGroupId}
   *     (SQS fair queues); a FIFO queue always groups by widget
   * @param messageSize the largest message to send; {@link #verify} lowers it to the queue's own
   *     {@code MaximumMessageSize} when the queue reports a smaller one
   */
  public QueueSink(SqsClient sqs, String queueUrl, boolean ownerGroups, MessageSize messageSize) {
    this.fifo = queueUrl.endsWith(".fifo");
    this.ownerGroups = ownerGroups;
    this.maxMessageBytes = messageSize.bytes();
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** The largest message this sink sends; a larger request needs a claim check. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Only a FIFO queue keeps send order; a standard queue's consumers go by the order key. */
  @Override
  public boolean keepsWidgetOrder() {
    return fifo;
  }

  @Override
  public void verify() {
    if (!queueUrl.startsWith("https://") && !queueUrl.startsWith("http://")) {
      throw new ConfigurationException(
          "request queue '%s' is not a queue URL: -rq takes the URL (aws sqs get-queue-url --queue-name %s)"
              .formatted(queueUrl, queueUrl));
    }
    try {
      String queueMaximum =
          sqs.getQueueAttributes(
                  get ->
                      get.queueUrl(queueUrl)
                          .attributeNames(
                              QueueAttributeName.QUEUE_ARN,
                              QueueAttributeName.MAXIMUM_MESSAGE_SIZE))
              .attributes()
              .get(QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
      if (queueMaximum != null && queueMaximum.matches("\\d{1,9}")) {
        maxMessageBytes = Math.min(maxMessageBytes, Integer.parseInt(queueMaximum));
      }
    } catch (QueueDoesNotExistException e) {
      throw missing(e);
    } catch (SqsException e) {
      if (e.getMessage() != null && e.getMessage().contains("NonExistentQueue")) {
        throw missing(e);
      }
      throw new ConfigurationException(
          "cannot use request queue '%s' (HTTP %d): check the URL, region and credentials (-p/--profile)"
              .formatted(queueUrl, e.statusCode()),
          e);
    } catch (SdkClientException e) {
      throw new ConfigurationException(
          "cannot reach SQS to check request queue '%s': %s; check the endpoint, network and credentials (-p/--profile)"
              .formatted(queueUrl, BucketSink.firstLine(e.getMessage())),
          e);
    }
  }

  private ConfigurationException missing(Exception cause) {
    return new ConfigurationException(
        "request queue '%s' does not exist: create it (aws sqs create-queue --queue-name NAME) or give an existing queue URL with -rq"
            .formatted(queueUrl),
        cause);
  }

  @Override
  public void send(List<OutgoingRequest> batch) {
    sendMessages(batch.stream().map(QueueSink::inline).toList());
  }

  /** The message that carries {@code request} itself. */
  static QueueMessage inline(OutgoingRequest request) {
    return QueueMessage.of(request, request.body(), Map.of());
  }

  /** Whether {@code message} fits in one message of this queue. */
  boolean fits(QueueMessage message) {
    return message.sizeBytes() <= maxMessageBytes;
  }

  /**
   * Sends up to {@value #MAX_BATCH} messages, in one call when there are several.
   *
   * @throws SinkException when a message is larger than this queue takes
   */
  void sendMessages(List<QueueMessage> messages) {
    for (QueueMessage message : messages) {
      if (!fits(message)) {
        throw new SinkException(
            "a request of %d bytes (as a message) is larger than the %d bytes queue %s takes: raise --max-message-bytes (up to 1MiB, and the queue's MaximumMessageSize) or give --payload-bucket BUCKET to send it by claim check"
                .formatted(message.sizeBytes(), maxMessageBytes, queueUrl));
      }
    }
    // SQS takes at most the largest message size for a whole batch, too: cut it where it would grow
    // past that, keeping the order.
    int from = 0;
    int bytes = 0;
    for (int i = 0; i < messages.size(); i++) {
      int size = messages.get(i).sizeBytes();
      if (i > from && bytes + size > maxMessageBytes) {
        sendBatch(messages.subList(from, i));
        from = i;
        bytes = 0;
      }
      bytes += size;
    }
    sendBatch(messages.subList(from, messages.size()));
  }

  private void sendBatch(List<QueueMessage> messages) {
    if (messages.isEmpty()) {
      return;
    }
    if (messages.size() == 1) {
      QueueMessage message = messages.getFirst();
      sqs.sendMessage(
          send ->
              send.queueUrl(queueUrl)
                  .messageBody(message.body())
                  .messageAttributes(message.attributes())
                  .messageGroupId(groupOf(message))
                  .messageDeduplicationId(fifo ? message.deduplicationId() : null));
      return;
    }
    List<SendMessageBatchRequestEntry> pending = entries(messages);
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      List<SendMessageBatchRequestEntry> entries = pending;
      SendMessageBatchResponse response =
          sqs.sendMessageBatch(send -> send.queueUrl(queueUrl).entries(entries));
      pending = retryable(entries, response.failed(), attempt);
    }
  }

  private List<SendMessageBatchRequestEntry> entries(List<QueueMessage> messages) {
    return IntStream.range(0, messages.size())
        .mapToObj(
            i ->
                SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(i))
                    .messageBody(messages.get(i).body())
                    .messageAttributes(messages.get(i).attributes())
                    .messageGroupId(groupOf(messages.get(i)))
                    .messageDeduplicationId(fifo ? messages.get(i).deduplicationId() : null)
                    .build())
        .toList();
  }

  /** The widget on a FIFO queue; the owner, or none, on a standard one. */
  String groupOf(QueueMessage message) {
    if (fifo) {
      return message.groupId();
    }
    return ownerGroups ? message.ownerGroupId() : null;
  }

  /** The entries to send again, or a SinkException when they are not worth another attempt. */
  private List<SendMessageBatchRequestEntry> retryable(
      List<SendMessageBatchRequestEntry> sent, List<BatchResultErrorEntry> failed, int attempt) {
    if (failed.isEmpty()) {
      return List.of();
    }
    boolean ourFault = failed.stream().anyMatch(BatchResultErrorEntry::senderFault);
    if (ourFault || attempt == ATTEMPTS) {
      BatchResultErrorEntry first = failed.getFirst();
      throw new SinkException(
          "queue %s refused %d of %d messages: %s %s"
              .formatted(queueUrl, failed.size(), sent.size(), first.code(), first.message()));
    }
    Set<String> ids =
        failed.stream().map(BatchResultErrorEntry::id).collect(Collectors.toUnmodifiableSet());
    return sent.stream().filter(entry -> ids.contains(entry.id())).toList();
  }

  @Override
  public int maxBatchSize() {
    return MAX_BATCH;
  }

  @Override
  public String describe() {
    return "queue " + queueUrl;
  }
}
