package dev.widgetrequests.producer.sink;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The message body the Amazon SQS Extended Client sends in place of a payload it stored in S3, so
 * its receivers and ours both follow it to the object.
 */
final class PayloadPointer {
  static final String CLASS_NAME = "software.amazon.payloadoffloading.PayloadS3Pointer";

  /**
   * The message attribute that marks an extended-client pointer message; its value is the size of
   * the stored payload in bytes.
   */
  static final String SIZE_ATTRIBUTE = "ExtendedPayloadSize";

  private PayloadPointer() {}

  /** {@code ["software.amazon.payloadoffloading.PayloadS3Pointer",{"s3BucketName":…,"s3Key":…}]} */
  static String json(String bucket, String key) {
    return "[\"%s\",{\"s3BucketName\":\"%s\",\"s3Key\":\"%s\"}]"
        .formatted(CLASS_NAME, quoted(bucket), quoted(key));
  }

  private static String quoted(String text) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(text));
  }
}
