package dev.widgetrequests.local;

/**
 * How many calls (HTTP requests) each service of a {@link LocalStack} has answered since it
 * started: a snapshot, taken by {@link LocalStack#callCounts()}. Take two and subtract for a rate.
 *
 * @param s3 calls to S3
 * @param sqs calls to SQS
 * @param dynamoDb calls to DynamoDB
 */
public record CallCounts(long s3, long sqs, long dynamoDb) {

  /** No calls. */
  public static final CallCounts NONE = new CallCounts(0, 0, 0);

  /** The calls to one service; 0 for a service the stack does not front (the HTTP API). */
  public long of(LocalService service) {
    return switch (service) {
      case S3 -> s3;
      case SQS -> sqs;
      case DYNAMODB -> dynamoDb;
      case HTTP_API -> 0;
    };
  }

  /** The calls to every service together. */
  public long total() {
    return s3 + sqs + dynamoDb;
  }

  /** The calls made since {@code earlier}, a snapshot of the same stack taken before this one. */
  public CallCounts minus(CallCounts earlier) {
    return new CallCounts(s3 - earlier.s3, sqs - earlier.sqs, dynamoDb - earlier.dynamoDb);
  }
}
