package dev.widgetrequests.source.sqs;

import dev.widgetrequests.source.Delivery;

/**
 * One received message and the request it carries.
 *
 * @param messageBody the message body as received (the request, or a pointer to it)
 * @param messageKey the message's own order key: its {@code request-key} attribute, else its send
 *     time and id (see {@link OrderKeys})
 * @param body the request itself
 * @param pointer the S3 object the request came from, or {@code null} for an inline request
 */
record SqsDelivery(
    String messageId,
    String receiptHandle,
    String messageBody,
    String messageKey,
    String body,
    MessageBody.Pointer pointer)
    implements Delivery {

  SqsDelivery(String messageId, String receiptHandle, String messageBody, String messageKey) {
    this(messageId, receiptHandle, messageBody, messageKey, messageBody, null);
  }

  SqsDelivery withRequest(String request, MessageBody.Pointer from) {
    return new SqsDelivery(messageId, receiptHandle, messageBody, messageKey, request, from);
  }

  SqsDelivery withoutPointer() {
    return new SqsDelivery(messageId, receiptHandle, messageBody, messageKey, body, null);
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
