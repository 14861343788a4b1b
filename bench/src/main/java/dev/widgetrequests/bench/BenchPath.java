package dev.widgetrequests.bench;

/** A way requests travel from the producer to a store. */
enum BenchPath {
  QUEUE_DYNAMODB("queue-dynamodb", "queue → DynamoDB", true, false, true),
  QUEUE_S3("queue-s3", "queue → S3", true, false, false),
  CLAIM_CHECK("claim-check", "claim check → DynamoDB", true, true, true),
  BUCKET_DYNAMODB("bucket-dynamodb", "bucket → DynamoDB", false, false, true);

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
            + "': use queue-dynamodb, queue-s3, claim-check, bucket-dynamodb");
  }
}
