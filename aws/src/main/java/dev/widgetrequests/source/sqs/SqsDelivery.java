package dev.widgetrequests.source.sqs;

import dev.widgetrequests.source.Delivery;

/**
 * One received message and the request it carries.
 *
 * @param messageBody the message body as received (the request, or a pointer to it)
 * @param messageKey the message's own order key: its {@code request-key} attribute, else its send
 *     time and id (see {@link OrderKeys})
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
      int receiveCount) {
    this(messageId, receiptHandle, messageBody, messageKey, receiveCount, messageBody, null, true);
  }

  SqsDelivery withRequest(String request, MessageBody.Pointer from) {
    return new SqsDelivery(
        messageId, receiptHandle, messageBody, messageKey, receiveCount, request, from, true);
  }

  /** A pointer whose object is read later, off the poll loop. */
  SqsDelivery pointingAt(MessageBody.Pointer to) {
    return new SqsDelivery(
        messageId, receiptHandle, messageBody, messageKey, receiveCount, messageBody, to, false);
  }

  SqsDelivery withoutPointer() {
    return new SqsDelivery(
        messageId, receiptHandle, messageBody, messageKey, receiveCount, body, null, true);
  }

  /** The pointed-to object's key for a pointer, else the message's own key. */
  @Override
  public String orderKey() {
    return pointer == null ? messageKey : pointer.key();
  }

  @Override
  public String position() {
    return pointer == null
        ? messageId
        : messageId + " (s3://" + pointer.bucket() + "/" + pointer.key() + ")";
  }
}
