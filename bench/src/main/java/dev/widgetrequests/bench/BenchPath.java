package dev.widgetrequests.bench;

import java.util.Arrays;

/** A way requests travel from the producer to a store. */
enum BenchPath {
  QUEUE_DYNAMODB("queue-dynamodb", "queue → DynamoDB", true, false, true),
  QUEUE_S3("queue-s3", "queue → S3", true, false, false),
  CLAIM_CHECK("claim-check", "claim check → DynamoDB", true, true, true),
  BUCKET_DYNAMODB("bucket-dynamodb", "bucket → DynamoDB", false, false, true),
  /**
   * Queue → DynamoDB with one widget's 600 updates among 60 other widgets' creates, against 661
   * distinct creates: the consumer alone (docs/design/consumer.md E1, E5), in a table of its own.
   */
  HOT_WIDGET("hot-widget", "hot widget, queue → DynamoDB", true, false, true);

  final String option;
  final String label;
  final boolean queue;
  final boolean pointers;
  final boolean table;

  BenchPath(String option, String label, boolean queue, boolean pointers, boolean table) {
    this.option = option;
    this.label = label;
    this.queue = queue;
    this.pointers = pointers;
    this.table = table;
  }

  static BenchPath of(String option) {
    for (BenchPath path : values()) {
      if (path.option.equals(option)) {
        return path;
      }
    }
    throw new IllegalArgumentException(
        "unknown path '"
            + option
            + "': use "
            + String.join(", ", Arrays.stream(values()).map(path -> path.option).toList()));
  }

  /**
   * The path whose requests warm the stack up for this one: the hot widget's runs take the queue
   * and table of {@link #QUEUE_DYNAMODB}.
   */
  BenchPath warmedUpAs() {
    return this == HOT_WIDGET ? QUEUE_DYNAMODB : this;
  }
}
