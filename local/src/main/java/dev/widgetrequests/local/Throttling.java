package dev.widgetrequests.local;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A share of a service's calls answered as the real service answers when it throttles, without
 * reaching the server behind: DynamoDB's {@code ProvisionedThroughputExceededException}, S3's
 * {@code 503 SlowDown}. Set by {@link LocalStack#throttle}; for back-pressure tests.
 */
final class Throttling {
  private final byte[] answer;
  private volatile double fraction;

  private Throttling(byte[] answer) {
    this.answer = answer;
  }

  /** The throttling answer of {@code service}; a service without one cannot be throttled. */
  static Throttling of(LocalService service) {
    return switch (service) {
      case DYNAMODB ->
          new Throttling(
              answer(
                  "400 Bad Request",
                  "application/x-amz-json-1.0",
                  "{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                      + "ProvisionedThroughputExceededException\",\"message\":\"The level of"
                      + " configured provisioned throughput for the table was exceeded.\"}"));
      case S3 ->
          new Throttling(
              answer(
                  "503 Slow Down",
                  "application/xml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                      + "<Message>Please reduce your request rate.</Message></Error>"));
      case SQS, HTTP_API -> new Throttling(null);
    };
  }

  boolean possible() {
    return answer != null;
  }

  void set(double fraction) {
    this.fraction = fraction;
  }

  /** Whether to throttle the call that starts now, by the fraction set. */
  boolean now() {
    double share = fraction;
    return share > 0 && ThreadLocalRandom.current().nextDouble() < share;
  }

  byte[] answer() {
    return answer.clone();
  }

  private static byte[] answer(String status, String contentType, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + "\r\nContent-Type: "
            + contentType
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\n\r\n";
    return (head + body).getBytes(StandardCharsets.UTF_8);
  }
}
