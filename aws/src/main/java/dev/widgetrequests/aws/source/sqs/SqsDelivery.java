package dev.widgetrequests.aws.source.sqs;

import dev.widgetrequests.model.source.Delivery;
import java.util.Optional;

/**
 * One received message and the request it carries.
 *
 * @param messageBody the message body as received (the request, or a pointer to it)
 * @param messageKey the message's order key, for an inline request and a pointer alike: its {@code
 *     request-key} attribute when within bounds, else its send time and id (see {@link OrderKeys})
 * @param keyOutOfBounds why the claimed key was not kept, or {@code null}
 * @param receiveCount how often the queue has handed the message out, this time included
 * @param body the request itself; the message body until a pointer is resolved
 * @param pointer the S3 object the request comes from, or {@code null} for an inline request
 * @param resolved false while a pointer's object has not been read yet
 */
record SqsDelivery(
    String messageId,
    String receiptHandle,
    String messageBody,
    String messageKey,
    String keyOutOfBounds,
    int receiveCount,
    String body,
    MessageBody.Pointer pointer,
    boolean resolved)
    implements Delivery {

  SqsDelivery(
      String messageId,
      String receiptHandle,
      String messageBody,
      String messageKey,
      String keyOutOfBounds,
      int receiveCount) {
    this(
        messageId,
        receiptHandle,
        messageBody,
        messageKey,
        keyOutOfBounds,
        receiveCount,
        messageBody,
        null,
        true);
  }

  /** This message, carrying another request body or pointer. */
  private SqsDelivery carrying(String request, MessageBody.Pointer to, boolean isResolved) {
    return new SqsDelivery(
        messageId,
        receiptHandle,
        messageBody,
        messageKey,
        keyOutOfBounds,
        receiveCount,
        request,
        to,
        isResolved);
  }

  SqsDelivery withRequest(String request, MessageBody.Pointer from) {
    return carrying(request, from, true);
  }

  /** A pointer whose object is read later, off the poll loop. */
  SqsDelivery pointingAt(MessageBody.Pointer to) {
    return carrying(messageBody, to, false);
  }

  SqsDelivery withoutPointer() {
    return carrying(body, null, true);
  }

  /** The message's key, a pointer's too: an object's name is no order (random for some clients). */
  @Override
  public String orderKey() {
    return messageKey;
  }

  @Override
  public Optional<String> keyWarning() {
    return Optional.ofNullable(keyOutOfBounds);
  }

  @Override
  public String position() {
    return pointer == null
        ? messageId
        : messageId + " (s3://" + pointer.bucket() + "/" + pointer.key() + ")";
  }
}
