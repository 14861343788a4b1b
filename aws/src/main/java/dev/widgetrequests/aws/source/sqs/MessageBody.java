package dev.widgetrequests.aws.source.sqs;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;

/**
 * What an SQS message body holds: the request itself, or a pointer to the request object in S3 (the
 * SQS Extended Client's pointer, or an S3 event notification), or S3's test event, or something
 * that claims to be a pointer and is broken. Decoding never throws: a body is data from whoever
 * could send to the queue.
 */
sealed interface MessageBody {
  String EXTENDED_CLIENT_POINTER = "software.amazon.payloadoffloading.PayloadS3Pointer";

  /** The body is the request JSON (or something invalid, which the parser will say). */
  record Inline(String body) implements MessageBody {}

  /**
   * The request is the object {@code s3://bucket/key}, if the bucket is one we trust.
   *
   * @param eTag the ETag of the version read, once read: the object is deleted only while it is
   *     that version; {@code null} before
   */
  record Pointer(String bucket, String key, String eTag) implements MessageBody {
    Pointer(String bucket, String key) {
      this(bucket, key, null);
    }

    Pointer readAs(String readETag) {
      return new Pointer(bucket, key, readETag);
    }
  }

  /** S3 sends this when a notification is configured; it carries no request. */
  record S3TestEvent() implements MessageBody {}

  /** The body has a pointer's shape but cannot be followed; the reason says why. */
  record Rejected(String reason) implements MessageBody {}

  /** Pointers are small: deeper JSON is no pointer, and the request parser judges it. */
  ObjectMapper JSON =
      JsonMapper.builder(
              new JsonFactoryBuilder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(32).build())
                  .build())
          .build();

  static MessageBody of(String body) {
    String trimmed = body == null ? "" : body.strip();
    if (!trimmed.startsWith("[") && !trimmed.startsWith("{")) {
      return new Inline(body);
    }
    JsonNode node;
    try {
      node = JSON.readTree(trimmed);
    } catch (java.io.IOException | RuntimeException notJson) {
      return new Inline(body);
    }
    if (node.isArray() && EXTENDED_CLIENT_POINTER.equals(node.path(0).asText(null))) {
      return extendedClientPointer(node);
    }
    if (node.isObject() && "s3:TestEvent".equals(node.path("Event").asText())) {
      return new S3TestEvent();
    }
    if (node.isObject() && onlyField(node, "Records")) {
      return s3Event(node.get("Records"));
    }
    // Anything else, even with a "Records" field beside request fields, is a request: unknown
    // properties are ignored, so it can never make the consumer read an object.
    return new Inline(body);
  }

  private static MessageBody extendedClientPointer(JsonNode node) {
    JsonNode bucket = node.path(1).path("s3BucketName");
    JsonNode key = node.path(1).path("s3Key");
    if (node.size() != 2 || !nonEmptyText(bucket) || !nonEmptyText(key)) {
      return new Rejected(
          "extended-client pointer must be [\""
              + EXTENDED_CLIENT_POINTER
              + "\",{\"s3BucketName\":"
              + " non-empty string, \"s3Key\": non-empty string}]");
    }
    return new Pointer(bucket.asText(), key.asText());
  }

  private static MessageBody s3Event(JsonNode records) {
    JsonNode s3 = records.path(0).path("s3");
    JsonNode bucket = s3.path("bucket").path("name");
    JsonNode key = s3.path("object").path("key");
    if (!records.isArray() || records.size() != 1 || !nonEmptyText(bucket) || !nonEmptyText(key)) {
      return new Rejected(
          "S3 event notification must hold exactly one record with s3.bucket.name and"
              + " s3.object.key as non-empty strings");
    }
    return switch (EventKeys.decode(key.asText())) {
      case EventKeys.Decoded decoded -> new Pointer(bucket.asText(), decoded.key());
      case EventKeys.Malformed malformed -> new Rejected(malformed.reason());
    };
  }

  private static boolean onlyField(JsonNode object, String name) {
    Iterator<String> names = object.fieldNames();
    return names.hasNext() && names.next().equals(name) && !names.hasNext();
  }

  private static boolean nonEmptyText(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty();
  }
}
