package dev.widgetrequests.local;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls a {@link ServiceFront} passes, in all and by operation (read from the request
 * head: the {@code X-Amz-Target} header of SQS's and DynamoDB's JSON protocols, the method and path
 * of S3's REST calls), and hands DynamoDB's calls to its {@link CapacityMeter}.
 */
final class CallMeter {
  private final LocalService service;
  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final CapacityMeter capacity;

  CallMeter(LocalService service) {
    this.service = service;
    this.capacity = service == LocalService.DYNAMODB ? new CapacityMeter() : null;
  }

  /** What the rest of a call's bytes and its answer go to, when something needs them. */
  interface Call {
    /** More of the request (the first bytes included). */
    void request(byte[] bytes, int length);

    /** The first bytes of the answer. */
    void answered(byte[] bytes, int length);
  }

  /**
   * A call starts with these bytes (its whole head, as a client sends it in one write).
   *
   * @return where its bytes and answer go, or null when nothing needs them
   */
  Call started(byte[] bytes, int length) {
    total.increment();
    String operation = operation(service, bytes, length);
    byOperation.computeIfAbsent(operation, name -> new LongAdder()).increment();
    return capacity == null ? null : capacity.call(operation);
  }

  long total() {
    return total.sum();
  }

  /** Adds this front's counts, as {@code "SERVICE Operation"}, and capacity units to a snapshot. */
  void addTo(Map<String, Long> calls, double[] units) {
    byOperation.forEach((operation, count) -> calls.put(service + " " + operation, count.sum()));
    if (capacity != null) {
      units[0] += capacity.writeUnits();
      units[1] += capacity.indexWriteUnits();
      units[2] += capacity.readUnits();
    }
  }

  /** The operation a request head asks for; {@code "unknown"} when the head is not all there. */
  static String operation(LocalService service, byte[] bytes, int length) {
    int end = HttpBytes.headEnd(bytes, length);
    if (end < 0) {
      return "unknown";
    }
    String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    if (service != LocalService.S3) {
      String target = header(head, "x-amz-target");
      return target == null ? "unknown" : target.substring(target.indexOf('.') + 1);
    }
    return s3Operation(head);
  }

  /**
   * S3's REST operation from a path-style request line ({@code /bucket/key?query}), as S3 names it,
   * the names its price list groups by: PUT, COPY, POST and LIST requests; GET and HEAD; DELETE.
   */
  static String s3Operation(String head) {
    String[] line = head.substring(0, head.indexOf('\r')).split(" ");
    String method = line[0];
    String target = line.length > 1 ? line[1] : "/";
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    boolean object = path.indexOf('/', 1) > 0 && path.indexOf('/', 1) < path.length() - 1;
    return switch (method) {
      case "PUT" ->
          !object
              ? "CreateBucket"
              : header(head, "x-amz-copy-source") != null ? "CopyObject" : "PutObject";
      case "POST" -> query.startsWith("delete") ? "DeleteObjects" : "PostObject";
      case "GET" ->
          object ? "GetObject" : query.contains("list-type=2") ? "ListObjectsV2" : "ListObjects";
      case "HEAD" -> object ? "HeadObject" : "HeadBucket";
      case "DELETE" -> object ? "DeleteObject" : "DeleteBucket";
      default -> method;
    };
  }

  private static String header(String head, String name) {
    String lower = head.toLowerCase(Locale.ROOT);
    int at = lower.indexOf("\r\n" + name + ":");
    if (at < 0) {
      return null;
    }
    int start = at + name.length() + 3;
    int end = head.indexOf('\r', start);
    return head.substring(start, end < 0 ? head.length() : end).strip();
  }
}
