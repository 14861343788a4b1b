package dev.widgetrequests.source.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an SQS message body holds: the request itself, or a pointer to the request object in S3 (the
 * SQS Extended Client's pointer, or an S3 event notification), or S3's test event.
 */
sealed interface MessageBody {
  String EXTENDED_CLIENT_POINTER = "software.amazon.payloadoffloading.PayloadS3Pointer";

  /** The body is the request JSON (or something invalid, which the parser will say). */
  record Inline(String body) implements MessageBody {}

  /** The request is the object {@code s3://bucket/key}. */
  record Pointer(String bucket, String key) implements MessageBody {}

  /** S3 sends this when a notification is configured; it carries no request. */
  record S3TestEvent() implements MessageBody {}

  ObjectMapper JSON = new ObjectMapper();

  static MessageBody of(String body) {
    String trimmed = body.strip();
    if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
      return new Inline(body);
    }
    JsonNode node;
    try {
      node = JSON.readTree(trimmed);
    } catch (java.io.IOException notJson) {
      return new Inline(body);
    }
    if (node.isArray()
        && node.size() == 2
        && EXTENDED_CLIENT_POINTER.equals(node.get(0).asText())
        && node.get(1).hasNonNull("s3BucketName")
        && node.get(1).hasNonNull("s3Key")) {
      return new Pointer(
          node.get(1).get("s3BucketName").asText(), node.get(1).get("s3Key").asText());
    }
    if (node.isObject() && "s3:TestEvent".equals(node.path("Event").asText())) {
      return new S3TestEvent();
    }
    JsonNode s3 = node.path("Records").path(0).path("s3");
    if (node.isObject()
        && s3.path("bucket").hasNonNull("name")
        && s3.path("object").hasNonNull("key")) {
      // Event notifications URL-encode the key (spaces as '+').
      String key =
          java.net.URLDecoder.decode(
              s3.path("object").path("key").asText(), java.nio.charset.StandardCharsets.UTF_8);
      return new Pointer(s3.path("bucket").path("name").asText(), key);
    }
    return new Inline(body);
  }
}
