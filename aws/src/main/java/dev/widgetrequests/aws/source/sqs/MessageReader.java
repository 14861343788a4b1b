package dev.widgetrequests.aws.source.sqs;

import dev.widgetrequests.aws.source.s3.RequestObjects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one message body into what to do with it: a request to apply, a pointer to follow, a
 * message to delete, a dead letter with its reason, or a message to leave for a later try. Follows
 * pointers only into the trusted request buckets; never throws, so no message can stop the poll
 * loop. Decoding a body ({@link #decode}) makes no call; following a pointer ({@link #follow})
 * reads its object, off the poll loop.
 */
final class MessageReader {

  /** What to do with one message. */
  sealed interface Read {}

  /**
   * Apply this request.
   *
   * @param from the trusted object it was read from, or {@code null} for an inline request
   */
  record Request(String body, MessageBody.Pointer from) implements Read {}

  /** Nothing to apply (S3's test event, a pointer to an object that is gone): delete it. */
  record Discard(String why) implements Read {}

  /** Dead-letter the message itself, with this reason; any object it names is left alone. */
  record Refuse(String reason) implements Read {}

  /** Leave the message in the queue: it comes back after its visibility timeout. */
  record Retry(String why) implements Read {}

  /** Read the request from this trusted object ({@link #follow}). */
  record Follow(MessageBody.Pointer pointer) implements Read {}

  private final RequestObjects objects;
  private final Set<String> trustedBuckets;

  /**
   * @param trustedBuckets the buckets requests may be fetched from (request and payload buckets);
   *     never the widget bucket
   */
  MessageReader(RequestObjects objects, Set<String> trustedBuckets) {
    this.objects = objects;
    this.trustedBuckets = Set.copyOf(trustedBuckets);
  }

  /** Reads the body and follows a pointer at once: {@link #decode}, then {@link #follow}. */
  Read read(String messageBody) {
    Read decoded = decode(messageBody);
    return decoded instanceof Follow follow ? follow(follow.pointer()) : decoded;
  }

  /**
   * What the body holds, without reading any object: a {@link Follow} only for a pointer into a
   * trusted bucket.
   */
  Read decode(String messageBody) {
    try {
      return switch (MessageBody.of(messageBody)) {
        case MessageBody.Inline inline -> new Request(inline.body(), null);
        case MessageBody.S3TestEvent test -> new Discard("S3 test event");
        case MessageBody.Rejected rejected -> new Refuse(oneLine(rejected.reason()));
        case MessageBody.Pointer pointer -> trusted(pointer);
      };
    } catch (RuntimeException bug) {
      return new Refuse("message could not be decoded: " + bug);
    }
  }

  private Read trusted(MessageBody.Pointer pointer) {
    if (trustedBuckets.contains(pointer.bucket())) {
      return new Follow(pointer);
    }
    return new Refuse(
        "pointer to "
            + oneLine("s3://" + pointer.bucket() + "/" + pointer.key())
            + ": bucket is not a request bucket this consumer trusts "
            + new TreeSet<>(trustedBuckets)
            + "; the object was not read");
  }

  /** Reads the request from a pointer {@link #decode} found trusted; never throws. */
  Read follow(MessageBody.Pointer pointer) {
    if (!trustedBuckets.contains(pointer.bucket())) {
      return trusted(pointer);
    }
    String where = oneLine("s3://" + pointer.bucket() + "/" + pointer.key());
    return switch (objects.read(pointer.bucket(), pointer.key())) {
      case RequestObjects.Text text -> new Request(text.body(), pointer.readAs(text.eTag()));
      case RequestObjects.Gone gone ->
          new Discard("points at " + where + ", which does not exist (already applied?)");
      case RequestObjects.Unusable unusable -> new Refuse(oneLine(unusable.reason()));
      case RequestObjects.Failed failed -> new Retry(oneLine(failed.reason()));
    };
  }

  /** Reasons name keys a sender chose: no line breaks or other controls to forge log lines. */
  private static String oneLine(String text) {
    return text.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
