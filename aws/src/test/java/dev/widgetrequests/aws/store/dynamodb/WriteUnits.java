package dev.widgetrequests.aws.store.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's published sizing rules for write units: an item's size is the UTF-8 length of each
 * attribute name plus its value's size; a put costs one unit per started KB of the larger of the
 * old and the new item; the owner index (projecting every attribute, 100 bytes of overhead per
 * entry) is written too: a put of the entry, a delete and a put when its sort key changes, a delete
 * when the item leaves the index.
 */
final class WriteUnits {
  private static final int INDEX_OVERHEAD = 100;

  private WriteUnits() {}

  static double put(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
    double units = units(Math.max(size(before), size(after)));
    boolean wasIndexed = indexed(before);
    boolean isIndexed = indexed(after);
    if (wasIndexed && (!isIndexed || !sortKey(before).equals(sortKey(after)))) {
      units += units(size(before) + INDEX_OVERHEAD);
    }
    if (isIndexed) {
      units += units(size(after) + INDEX_OVERHEAD);
    }
    return units;
  }

  static double delete(Map<String, AttributeValue> before) {
    return units(size(before)) + (indexed(before) ? units(size(before) + INDEX_OVERHEAD) : 0);
  }

  private static boolean indexed(Map<String, AttributeValue> item) {
    return item != null && item.containsKey("owner") && item.containsKey("last_modified_on");
  }

  private static String sortKey(Map<String, AttributeValue> item) {
    return item.get("owner").s() + " " + item.get("last_modified_on").s();
  }

  private static int units(long bytes) {
    return (int) Math.max(1, (bytes + 1023) / 1024);
  }

  static long size(Map<String, AttributeValue> item) {
    if (item == null) {
      return 0;
    }
    long size = 0;
    for (var attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + size(attribute.getValue());
    }
    return size;
  }

  private static long size(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.n() != null) {
      return value.n().length() / 2 + 1;
    }
    if (value.b() != null) {
      return value.b().asByteArrayUnsafe().length;
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToLong(element -> 1 + size(element)).sum();
    }
    return 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
