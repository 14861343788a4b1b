package dev.widgetrequests.aws.source.sqs;

import dev.widgetrequests.aws.AwsFailures;
import dev.widgetrequests.aws.source.s3.RequestObjects;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.source.Lease;
import dev.widgetrequests.model.source.OrderKeyCheck;
import dev.widgetrequests.model.source.Redelivery;
import dev.widgetrequests.model.source.RequestSource;
import dev.widgetrequests.model.source.Resolution;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Requests from an SQS queue: long polling, up to ten a receive and several receives at once,
 * deletes batched and sent in the background. A message whose body points at an S3 object is
 * applied from that object, read by {@link #resolve} off the poll loop, and only from a trusted
 * request bucket; the message is deleted first and the object after, so a crash never leaves a
 * message that points at nothing. A message that cannot be read is dead-lettered or left for a
 * later try, never thrown. A failed request is hidden for longer each time it comes back.
 */
public final class SqsRequestSource implements RequestSource<SqsDelivery> {
  /**
   * The String message attribute that carries a request's order key (docs/design/convergence.md).
   */
  public static final String REQUEST_KEY_ATTRIBUTE = OrderKeys.REQUEST_KEY_ATTRIBUTE;

  /**
   * A receive of what the consumer reads of each message: up to ten, each with its order key and
   * the delivery facts (receive count, send time, FIFO sequence number).
   */
  public static ReceiveMessageRequest.Builder receiveOf(String queueUrl) {
    return ReceiveMessageRequest.builder()
        .queueUrl(queueUrl)
        .maxNumberOfMessages(10)
        .messageSystemAttributeNames(
            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
            MessageSystemAttributeName.SENT_TIMESTAMP,
            MessageSystemAttributeName.SEQUENCE_NUMBER)
        .messageAttributeNames(REQUEST_KEY_ATTRIBUTE);
  }

  private static final Logger log = LoggerFactory.getLogger(SqsRequestSource.class);
  private static final int MAX_REASON_CHARS = 4000;

  /** Receives at once at most: enough to keep 256 requests busy at ~20 ms per call. */
  private static final int MAX_POLLS_IN_FLIGHT = 16;

  private static final int MAX_CARRIED_ORDER_KEY = 256;

  /** Room left in a dead letter for its attributes (the reason, the source): SQS counts them. */
  private static final int DEAD_LETTER_ATTRIBUTE_BYTES = 16 * 1024;

  private final SqsClient sqs;
  private final S3Client s3;
  private final String queueUrl;
  private final String deadLetterQueueUrl;
  private final ReceiveMessageRequest receive;
  private final BatchDeleter deleter;
  private final Visibility visibility;
  private final MessageReader reader;
  private final boolean fifo;
  private final OrderKeyCheck keyCheck;
  private final int maxInlineBytes;

  /**
   * @param deadLetterQueueUrl where invalid requests go, or {@code null} to log them whole instead
   * @param waitSeconds long-poll wait, 0 to 20
   * @param visibilityTimeoutSeconds for received messages, or {@code null} for the queue's default
   * @param requestBuckets the only buckets a pointer may lead to (claim-check payload buckets, the
   *     bucket whose events the queue gets); never the widget bucket
   */
  public SqsRequestSource(
      SqsClient sqs,
      S3Client s3,
      String queueUrl,
      String deadLetterQueueUrl,
      int waitSeconds,
      Integer visibilityTimeoutSeconds,
      Set<String> requestBuckets) {
    this(
        sqs,
        s3,
        queueUrl,
        deadLetterQueueUrl,
        waitSeconds,
        visibilityTimeoutSeconds,
        requestBuckets,
        OrderKeyCheck.DEFAULT,
        MessageSize.DEFAULT);
  }

  /**
   * @param keyCheck the bounds a claimed order key must lie within, around the message's send time
   * @param size the largest request: the most read of a pointed-to object, and (less room for the
   *     attributes) the most a dead letter carries inline; the queues must take messages this large
   */
  public SqsRequestSource(
      SqsClient sqs,
      S3Client s3,
      String queueUrl,
      String deadLetterQueueUrl,
      int waitSeconds,
      Integer visibilityTimeoutSeconds,
      Set<String> requestBuckets,
      OrderKeyCheck keyCheck,
      MessageSize size) {
    this.keyCheck = keyCheck;
    this.sqs = sqs;
    this.s3 = s3;
    this.queueUrl = queueUrl;
    this.deadLetterQueueUrl = deadLetterQueueUrl;
    this.receive =
        receiveOf(queueUrl)
            .waitTimeSeconds(waitSeconds)
            .visibilityTimeout(visibilityTimeoutSeconds)
            .build();
    this.deleter = new BatchDeleter(sqs, s3, queueUrl);
    this.visibility = new Visibility(sqs, queueUrl, visibilityTimeoutSeconds);
    this.reader = new MessageReader(new RequestObjects(s3, size), requestBuckets);
    this.fifo = queueUrl.endsWith(".fifo");
    this.maxInlineBytes = size.bytes() - DEAD_LETTER_ATTRIBUTE_BYTES;
  }

  @Override
  public List<SqsDelivery> poll() {
    List<SqsDelivery> deliveries = new ArrayList<>();
    for (var message : translated(() -> sqs.receiveMessage(receive)).messages()) {
      OrderKeyCheck.OrderKey key = OrderKeys.of(message, keyCheck);
      var delivery =
          new SqsDelivery(
              message.messageId(),
              message.receiptHandle(),
              message.body(),
              key.key(),
              key.outOfBounds(),
              receiveCount(message));
      switch (reader.decode(message.body())) {
        case MessageReader.Request request ->
            deliveries.add(delivery.withRequest(request.body(), request.from()));
        case MessageReader.Follow follow -> deliveries.add(delivery.pointingAt(follow.pointer()));
        case MessageReader.Discard discard -> discard(delivery, discard.why());
        case MessageReader.Refuse refuse -> refuse(delivery, refuse.reason());
        case MessageReader.Retry retry -> leave(delivery, retry.why());
      }
    }
    // A standard queue may hand out a batch in any order; within one batch, at least, requests
    // are taken in order-key order (the stores fold late requests in at their key anyway).
    deliveries.sort(Comparator.comparing(SqsDelivery::orderKey));
    return deliveries;
  }

  /** Reads a pointer's object; called for many deliveries at once, off the poll loop. */
  @Override
  public Resolution<SqsDelivery> resolve(SqsDelivery message) {
    return message.resolved()
        ? new Resolution.Ready<>(message)
        : resolve(message, message.pointer());
  }

  /** Only a pointer has something to fetch; a message with the request in its body has not. */
  @Override
  public boolean needsResolving(SqsDelivery delivery) {
    return !delivery.resolved();
  }

  /**
   * Follows a trusted pointer. An object that is gone ends its message; one that cannot be a
   * request is refused, for the engine to dead-letter (the object is left alone); a failed read
   * leaves this message alone to be released and tried again.
   */
  private Resolution<SqsDelivery> resolve(SqsDelivery delivery, MessageBody.Pointer pointer) {
    return switch (reader.follow(pointer)) {
      case MessageReader.Request request ->
          new Resolution.Ready<>(delivery.withRequest(request.body(), request.from()));
      case MessageReader.Discard discard -> {
        discard(delivery.withoutPointer(), discard.why());
        yield new Resolution.Gone<>(discard.why());
      }
      case MessageReader.Refuse refuse ->
          new Resolution.Refused<>(delivery.withoutPointer(), refuse.reason());
      case MessageReader.Retry retry -> throw new PointerReadException(retry.why());
      case MessageReader.Follow follow -> throw new IllegalStateException("followed " + follow);
    };
  }

  private void discard(SqsDelivery delivery, String why) {
    log.warn("message {}: {}: deleting the message", delivery.messageId(), why);
    try {
      deleter.deleteNow(delivery);
    } catch (RuntimeException failure) {
      log.warn("could not delete message {}: it comes back ({})", delivery.messageId(), failure);
    }
  }

  /** Dead-letters a message the reader refused; a failure leaves it in the queue to come back. */
  private void refuse(SqsDelivery delivery, String reason) {
    log.warn("rejected message {}: {}", delivery.messageId(), reason);
    try {
      deadLetter(delivery, reason);
    } catch (RuntimeException failure) {
      log.warn(
          "could not dead-letter message {}: it comes back ({})", delivery.messageId(), failure);
    }
  }

  private static void leave(SqsDelivery delivery, String why) {
    log.warn(
        "message {}: {}; it stays in the queue and comes back after its visibility timeout",
        delivery.messageId(),
        why);
  }

  @Override
  public void acknowledge(SqsDelivery delivery) {
    if (fifo) {
      // A FIFO queue holds back the rest of a message group until this message is deleted.
      translated(() -> deleter.deleteNow(delivery));
    } else {
      deleter.add(delivery);
    }
  }

  @Override
  public void deadLetter(SqsDelivery delivery, String reason) {
    translated(() -> sendToDeadLetters(delivery, reason));
  }

  private void sendToDeadLetters(SqsDelivery message, String reason) {
    if (deadLetterQueueUrl == null) {
      log.error(
          "rejected message {} (queue has no dead-letter queue, so its body is kept here): {}; body:"
              + " {}",
          message.messageId(),
          reason,
          message.body());
      deleter.deleteNow(message);
      return;
    }
    // The request itself when it fits in a message, so the pointed-to object can go; otherwise
    // the pointer, and the object stays for whoever reads the dead letter.
    int size = message.body().getBytes(StandardCharsets.UTF_8).length;
    // SQS refuses empty bodies and some characters an object may hold.
    boolean inline = size > 0 && size <= maxInlineBytes && SqsText.isSafe(message.body());
    Map<String, MessageAttributeValue> attributes = new HashMap<>();
    attributes.put("reason", text(truncate(reason)));
    attributes.put("source-queue", text(queueUrl));
    attributes.put("source-message-id", text(message.messageId()));
    // Its order key, so a redriven request is folded where it was sent
    // (docs/design/dead-letters.md).
    attributes.put(OrderKeys.REQUEST_KEY_ATTRIBUTE, text(message.orderKey()));
    if (message.pointer() != null) {
      attributes.put(
          "source-object",
          text("s3://" + message.pointer().bucket() + "/" + message.pointer().key()));
    }
    boolean fifo = deadLetterQueueUrl.endsWith(".fifo");
    sqs.sendMessage(
        r ->
            r.queueUrl(deadLetterQueueUrl)
                .messageBody(inline ? message.body() : message.messageBody())
                .messageAttributes(attributes)
                // A FIFO dead-letter queue needs a group; dead letters need no order among them.
                .messageGroupId(fifo ? "dead-letters" : null)
                .messageDeduplicationId(fifo ? message.messageId() : null));
    deleter.deleteNow(inline ? message : message.withoutPointer());
  }

  /**
   * Hidden for longer the more often the message has come back (no retry storm); one behind another
   * a little longer than that one, so it comes back first; one never started, not at all.
   */
  @Override
  public void release(SqsDelivery message, Redelivery<SqsDelivery> when) {
    Duration hidden =
        switch (when) {
          case Redelivery.Later<SqsDelivery> later ->
              RetryDelays.afterReceives(message.receiveCount());
          case Redelivery.Behind<SqsDelivery> behind ->
              RetryDelays.afterReceives(behind.first().receiveCount()).plusSeconds(1);
          case Redelivery.Now<SqsDelivery> now -> Duration.ZERO;
        };
    translated(() -> visibility.change(message, hidden));
  }

  @Override
  public int pollsInFlight() {
    return MAX_POLLS_IN_FLIGHT;
  }

  /** Each delivery's visibility timeout, by its receipt handle. */
  @Override
  public Optional<Lease<SqsDelivery>> lease() {
    return Optional.of(
        new Lease<>() {
          @Override
          public Duration timeout() {
            return visibility.timeout();
          }

          @Override
          public void extend(List<SqsDelivery> deliveries, Duration timeout) {
            translated(() -> visibility.extend(deliveries, timeout));
          }
        });
  }

  @Override
  public void flush() {
    deleter.flush();
  }

  @Override
  public void close() {
    deleter.close();
  }

  /** Runs an SQS call, its failure in the model's words (docs/design/consumer.md, "Failures"). */
  private static <T> T translated(Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure);
    }
  }

  private static void translated(Runnable call) {
    translated(
        () -> {
          call.run();
          return null;
        });
  }

  private static int receiveCount(Message message) {
    String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
    try {
      return count == null ? 1 : Integer.parseInt(count);
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  @Override
  public String describe() {
    return queueUrl;
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder()
        .dataType("String")
        .stringValue(SqsText.clean(value))
        .build();
  }

  private static String truncate(String reason) {
    return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
  }
}
