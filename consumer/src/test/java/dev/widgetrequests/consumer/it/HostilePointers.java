package dev.widgetrequests.consumer.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/**
 * Pointer message bodies: the SQS Extended Client's and S3 event notifications, whole or broken.
 */
final class HostilePointers {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String EXTENDED_CLIENT = "software.amazon.payloadoffloading.PayloadS3Pointer";

  private HostilePointers() {}

  /** The {@code Records} array of an S3 event notification for one object (key as given). */
  static ArrayNode s3Event(String bucket, String encodedKey) {
    ArrayNode records = NODES.arrayNode();
    ObjectNode s3 = records.addObject().put("eventSource", "aws:s3").putObject("s3");
    s3.putObject("bucket").put("name", bucket);
    s3.putObject("object").put("key", encodedKey).put("size", 1);
    return records;
  }

  static String s3EventBody(String bucket, String encodedKey) {
    ObjectNode event = NODES.objectNode();
    event.set("Records", s3Event(bucket, encodedKey));
    return event.toString();
  }

  static String extendedClientBody(String bucket, String key) {
    ArrayNode pointer = NODES.arrayNode().add(EXTENDED_CLIENT);
    pointer.addObject().put("s3BucketName", bucket).put("s3Key", key);
    return pointer.toString();
  }

  /** Either kind of pointer, for a key that needs no escaping. */
  static String pointerBody(Random random, String bucket, String key) {
    return random.nextBoolean() ? extendedClientBody(bucket, key) : s3EventBody(bucket, key);
  }

  /** A pointer with its shape or its key broken in one of many ways. */
  static String brokenPointerBody(Random random, String bucket, String key) {
    return switch (random.nextInt(10)) {
      case 0 -> s3EventBody(bucket, "%zz");
      case 1 -> s3EventBody(bucket, key + "%");
      case 2 -> s3EventBody(bucket, "%C3%28" + key); // decodes to bytes that are not UTF-8
      case 3 -> "[\"" + EXTENDED_CLIENT + "\"]";
      case 4 -> "[\"" + EXTENDED_CLIENT + "\",{\"s3BucketName\":\"" + bucket + "\"}]";
      case 5 -> "[\"" + EXTENDED_CLIENT + "\",{\"s3BucketName\":1,\"s3Key\":[]}]";
      case 6 -> "{\"Records\":[]}";
      case 7 ->
          "{\"Records\":[" + s3Event(bucket, key).get(0) + "," + s3Event(bucket, key).get(0) + "]}";
      case 8 -> "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"\"},\"object\":{\"key\":\"k\"}}}]}";
      default -> "{\"Records\":\"" + bucket + "/" + key + "\"}";
    };
  }

  /** Keys S3 event notifications would form-encode, and their encoded forms. */
  static final List<List<String>> ENCODED_KEYS =
      List.of(
          List.of("a b+c", "a+b%2Bc"),
          List.of("ünï cödé", "%C3%BCn%C3%AF+c%C3%B6d%C3%A9"),
          List.of("100%", "100%25"),
          List.of("q?x=1&y", "q%3Fx%3D1%26y"));
}
