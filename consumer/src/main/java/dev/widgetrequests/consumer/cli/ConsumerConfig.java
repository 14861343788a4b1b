package dev.widgetrequests.consumer.cli;

import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.consumer.engine.EngineSettings;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.source.OrderKeyCheck;
import java.nio.file.Path;
import java.util.Set;

/**
 * Everything the consumer was told, checked and read once from the command line and environment.
 *
 * @param source where requests come from
 * @param store where widgets go
 * @param logFile where the log is written besides the console, or {@code null}
 * @param messageSize the largest request read, inline or from an object
 */
public record ConsumerConfig(
    AwsSettings aws,
    Source source,
    Store store,
    EngineSettings engine,
    Path logFile,
    MessageSize messageSize) {

  /** A configuration reading requests of up to the default size. */
  public ConsumerConfig(
      AwsSettings aws, Source source, Store store, EngineSettings engine, Path logFile) {
    this(aws, source, store, engine, logFile, MessageSize.DEFAULT);
  }

  /** Where requests come from. */
  public sealed interface Source {}

  /**
   * Requests in a bucket, smallest key first.
   *
   * @param rejectedPrefix where invalid requests are moved
   * @param idleWaitMillis how long to wait before looking again at an empty bucket
   * @param keyCheck the bounds an object's key must lie within around its {@code LastModified}
   */
  public record BucketSource(
      String bucket, String rejectedPrefix, long idleWaitMillis, OrderKeyCheck keyCheck)
      implements Source {
    public BucketSource(String bucket, String rejectedPrefix, long idleWaitMillis) {
      this(bucket, rejectedPrefix, idleWaitMillis, OrderKeyCheck.DEFAULT);
    }
  }

  /**
   * Requests in a queue.
   *
   * @param deadLetterQueueUrl explicit dead-letter queue, or {@code null} for the redrive target
   * @param visibilityTimeoutSeconds for received messages, or {@code null} for the queue's own
   * @param payloadBuckets the buckets pointers may lead to (claim checks, S3 event notifications);
   *     a pointer to any other bucket is dead-lettered unread
   * @param keyCheck the bounds a {@code request-key} must lie within around the send time
   */
  public record QueueSource(
      String queueUrl,
      String deadLetterQueueUrl,
      int waitSeconds,
      Integer visibilityTimeoutSeconds,
      Set<String> payloadBuckets,
      OrderKeyCheck keyCheck)
      implements Source {
    public QueueSource {
      payloadBuckets = Set.copyOf(payloadBuckets);
    }

    public QueueSource(
        String queueUrl,
        String deadLetterQueueUrl,
        int waitSeconds,
        Integer visibilityTimeoutSeconds,
        Set<String> payloadBuckets) {
      this(
          queueUrl,
          deadLetterQueueUrl,
          waitSeconds,
          visibilityTimeoutSeconds,
          payloadBuckets,
          OrderKeyCheck.DEFAULT);
    }

    /** A queue whose messages hold requests only: every pointer is dead-lettered. */
    public QueueSource(
        String queueUrl,
        String deadLetterQueueUrl,
        int waitSeconds,
        Integer visibilityTimeoutSeconds) {
      this(queueUrl, deadLetterQueueUrl, waitSeconds, visibilityTimeoutSeconds, Set.of());
    }
  }

  /** Where widgets are stored. */
  public sealed interface Store {}

  /** One JSON object per widget under {@code keyPrefix}. */
  public record BucketStore(String bucket, String keyPrefix) implements Store {}

  /** One item per widget. */
  public record TableStore(String table, String keyAttribute) implements Store {}
}
