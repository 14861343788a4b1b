package dev.widgetrequests.local;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3's limit on user metadata, which S3Proxy does not enforce: at most 2 KB, measured as the sum of
 * the UTF-8 bytes of every key (without {@code x-amz-meta-}) and value. S3 refuses a write over it
 * with 400 {@code MetadataTooLarge}; so does the local stack, so a test sees what AWS would refuse.
 */
final class UserMetadata {
  /** 2 KB, the most user metadata one object may carry. */
  static final int MAX_BYTES = 2 * 1024;

  private UserMetadata() {}

  /** The size S3 measures: UTF-8 bytes of each key and value, summed. */
  static int bytes(Map<String, String> metadata) {
    int bytes = 0;
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      bytes += utf8(entry.getKey()) + utf8(entry.getValue());
    }
    return bytes;
  }

  /**
   * @throws S3Exception 400 {@code MetadataTooLarge} when the metadata is over {@link #MAX_BYTES}
   */
  static void check(Map<String, String> metadata) {
    int bytes = bytes(metadata);
    if (bytes > MAX_BYTES) {
      throw (S3Exception)
          S3Exception.builder()
              .statusCode(400)
              .message("metadata of " + bytes + " bytes")
              .awsErrorDetails(
                  AwsErrorDetails.builder()
                      .errorCode("MetadataTooLarge")
                      .errorMessage(
                          "Your metadata headers exceed the maximum allowed metadata size.")
                      .build())
              .build();
    }
  }

  private static int utf8(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
