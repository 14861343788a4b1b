package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A cut service fails every call as a broken network does, the others answer on, and once restored
 * it answers again with its data intact. A stack of its own: cutting the shared one would fail
 * other tests.
 */
class OutageIT {
  private static LocalStack stack;

  @BeforeAll
  static void startStack() {
    stack = LocalStack.startOnRandomPorts();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void cutDynamoDb_failsItsCallsOnly_andKeepsItsData() {
    String table = stack.createWidgetTable(stack.uniqueName("outage"), "id");
    stack.dynamoDb().putItem(r -> r.tableName(table).item(item("w1")));
    String bucket = stack.createBucket(stack.uniqueName("outage"));

    try (Outage outage = stack.cut(LocalService.DYNAMODB)) {
      assertThat(outage.service()).isEqualTo(LocalService.DYNAMODB);
      assertThatThrownBy(() -> stack.dynamoDb().getItem(r -> r.tableName(table).key(item("w1"))))
          .isInstanceOf(SdkClientException.class);
      stack.s3().putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("still up"));
    }

    assertThat(stack.dynamoDb().getItem(r -> r.tableName(table).key(item("w1"))).item())
        .isEqualTo(item("w1"));
  }

  @Test
  void cutS3_resetsAConnectionOpenBeforeTheCut() {
    String bucket = stack.createBucket(stack.uniqueName("outage"));
    stack.s3().putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("kept"));

    try (Outage ignored = stack.cut(LocalService.S3)) { // the client's pooled connection is open
      assertThatThrownBy(() -> stack.s3().getObjectAsBytes(r -> r.bucket(bucket).key("k")))
          .isInstanceOf(SdkClientException.class);
    }

    assertThat(stack.s3().getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String())
        .isEqualTo("kept");
  }

  private static java.util.Map<String, AttributeValue> item(String id) {
    return java.util.Map.of("id", AttributeValue.fromS(id));
  }
}
