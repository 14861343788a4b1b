package dev.widgetrequests.producer.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Only sinks whose readers see send order make the producer keep each widget's order. */
class QueueSinkOrderTest {
  private final SqsClient sqs =
      SqsClient.builder()
          .region(Region.US_EAST_1)
          .credentialsProvider(AnonymousCredentialsProvider.create())
          .build();
  private final S3Client s3 =
      S3Client.builder()
          .region(Region.US_EAST_1)
          .credentialsProvider(AnonymousCredentialsProvider.create())
          .build();

  @AfterEach
  void close() {
    sqs.close();
    s3.close();
  }

  @Test
  void fifoQueue_keepsWidgetOrder_standardQueueDoesNot() {
    assertThat(new QueueSink(sqs, "http://127.0.0.1:1/000/requests.fifo").keepsWidgetOrder())
        .isTrue();
    assertThat(new QueueSink(sqs, "http://127.0.0.1:1/000/requests").keepsWidgetOrder()).isFalse();
  }

  @Test
  void claimCheck_followsItsQueue() {
    QueueSink standard = new QueueSink(sqs, "http://127.0.0.1:1/000/requests");
    QueueSink fifo = new QueueSink(sqs, "http://127.0.0.1:1/000/requests.fifo");
    assertThat(new ClaimCheckSink(new BucketSink(s3, "payloads"), standard).keepsWidgetOrder())
        .isFalse();
    assertThat(new ClaimCheckSink(new BucketSink(s3, "payloads"), fifo).keepsWidgetOrder())
        .isTrue();
  }
}
