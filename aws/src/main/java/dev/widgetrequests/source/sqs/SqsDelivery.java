package dev.widgetrequests.source.sqs;

import dev.widgetrequests.source.Delivery;

/**
 * One received message and the request it carries.
 *
 * @param messageBody the message body as received (the request, or a pointer to it)
 * @param body the request itself
 * @param pointer the S3 object the request came from, or {@code null} for an inline request
 */
record SqsDelivery(
    String messageId,
    String receiptHandle,
    String messageBody,
    String body,
    MessageBody.Pointer pointer)
    implements Delivery {

  SqsDelivery(String messageId, String receiptHandle, String messageBody) {
    this(messageId, receiptHandle, messageBody, messageBody, null);
  }

  SqsDelivery withRequest(String request, MessageBody.Pointer from) {
    return new SqsDelivery(messageId, receiptHandle, messageBody, request, from);
  }

  SqsDelivery withoutPointer() {
    return new SqsDelivery(messageId, receiptHandle, messageBody, body, null);
  }

  @Override
  public String position() {
    return pointer == null
        ? messageId
        : messageId + " (s3://" + pointer.bucket() + "/" + pointer.key() + ")";
  }
}
