package dev.widgetrequests.local;

/**
 * The ports the local stack listens on, all on {@code 127.0.0.1}. A port of {@code 0} means "any
 * free port", which is what tests use so that several stacks can run side by side.
 *
 * @param s3 S3Proxy's port
 * @param sqs ElasticMQ's port
 * @param dynamoDb dynalite's port (DynamoDB)
 */
public record LocalStackPorts(int s3, int sqs, int dynamoDb) {

  public static final int DEFAULT_S3_PORT = 9000;
  public static final int DEFAULT_SQS_PORT = 9324;
  public static final int DEFAULT_DYNAMODB_PORT = 8000;

  /** The well-known ports {@code widgets local} uses, so tools can be pointed at it once. */
  public static final LocalStackPorts DEFAULTS =
      new LocalStackPorts(DEFAULT_S3_PORT, DEFAULT_SQS_PORT, DEFAULT_DYNAMODB_PORT);

  /** Any free ports. */
  public static final LocalStackPorts RANDOM = new LocalStackPorts(0, 0, 0);

  public LocalStackPorts {
    check("S3", s3);
    check("SQS", sqs);
    check("DynamoDB", dynamoDb);
  }

  private static void check(String service, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(service + " port must be 0..65535, not " + port);
    }
  }
}
