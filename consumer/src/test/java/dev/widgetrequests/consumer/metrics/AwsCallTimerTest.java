package dev.widgetrequests.consumer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

class AwsCallTimerTest {
  private final ConsumerMetrics metrics = new ConsumerMetrics(java.time.Clock.systemUTC());
  private final AwsCallTimer timer = new AwsCallTimer(metrics.registry());

  @Test
  void eachCallCountsOnce_underItsServiceOperationAndOutcome() {
    succeed("DynamoDb", "PutItem");
    succeed("DynamoDb", "PutItem");
    succeed("Sqs", "ReceiveMessage");
    fail("DynamoDb", "PutItem");

    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains(
            "widgets_aws_calls_seconds_count{operation=\"PutItem\",outcome=\"ok\",service=\"DynamoDb\"} 2")
        .contains(
            "widgets_aws_calls_seconds_count{operation=\"PutItem\",outcome=\"error\",service=\"DynamoDb\"} 1")
        .contains(
            "widgets_aws_calls_seconds_count{operation=\"ReceiveMessage\",outcome=\"ok\",service=\"Sqs\"} 1");
  }

  @Test
  void aCallThatNeverStarted_isNotTimed() {
    timer.afterExecution(null, attributes("S3", "GetObject"));

    assertThat(metrics.scrape()).doesNotContain("widgets_aws_calls_seconds_count");
  }

  private void succeed(String service, String operation) {
    ExecutionAttributes attributes = attributes(service, operation);
    timer.beforeExecution(null, attributes);
    timer.afterExecution(null, attributes);
  }

  private void fail(String service, String operation) {
    ExecutionAttributes attributes = attributes(service, operation);
    timer.beforeExecution(null, attributes);
    timer.onExecutionFailure(null, attributes);
  }

  private static ExecutionAttributes attributes(String service, String operation) {
    ExecutionAttributes attributes = new ExecutionAttributes();
    attributes.putAttribute(SdkExecutionAttribute.SERVICE_NAME, service);
    attributes.putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
    return attributes;
  }
}
