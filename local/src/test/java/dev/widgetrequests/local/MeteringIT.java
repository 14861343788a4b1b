package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** What the fronts meter, through the real SDK: calls by operation and DynamoDB capacity units. */
@ExtendWith(LocalStackExtension.class)
class MeteringIT {
  private static final String OWNER = Provisioner.OWNER_ATTRIBUTE;
  private static final String MODIFIED = Provisioner.LAST_MODIFIED_ATTRIBUTE;

  @Test
  void aPut_costsOneWriteUnitPerStartedKbOfTheLargerItem_andTheIndexEntryWhenTheItemHasAnOwner(
      LocalStack stack) {
    String table = stack.createWidgetTable(stack.uniqueName("metered"), "id");
    Metered before = stack.metered();

    put(stack, table, item("w1", "Sue", "2026-01-01", 1500)); // new: 2 units, index entry 2
    put(stack, table, item("w1", "Sue", "2026-01-01", 2500)); // same index key: 3, entry 3
    put(stack, table, item("w1", "Sue", "2026-01-02", 900)); // larger old item: 3; moved: 3 + 1
    put(stack, table, item("w2", null, null, 100)); // no owner: 1, no index write

    Metered made = stack.metered().minus(before);
    assertThat(made.calls("DynamoDB PutItem")).isEqualTo(4);
    assertThat(made.writeUnits()).isEqualTo(2 + 3 + 3 + 1);
    assertThat(made.indexWriteUnits()).isEqualTo(2 + 3 + (3 + 1));
  }

  @Test
  void aDelete_costsTheOldItem_inTheTableAndItsIndex_andAReadHalvesWhenEventuallyConsistent(
      LocalStack stack) {
    String table = stack.createWidgetTable(stack.uniqueName("metered"), "id");
    put(stack, table, item("w1", "Sue", "2026-01-01", 5000)); // 5 KB: 2 read units
    Metered before = stack.metered();

    stack.dynamoDb().getItem(r -> r.tableName(table).key(key("w1")).consistentRead(true));
    stack.dynamoDb().getItem(r -> r.tableName(table).key(key("w1")));
    stack.dynamoDb().getItem(r -> r.tableName(table).key(key("absent")).consistentRead(true));
    stack.dynamoDb().deleteItem(r -> r.tableName(table).key(key("w1")));

    Metered made = stack.metered().minus(before);
    assertThat(made.readUnits()).isEqualTo(2 + 1 + 1);
    assertThat(made.writeUnits()).isEqualTo(5);
    assertThat(made.indexWriteUnits()).isEqualTo(5);
  }

  @Test
  void aWriteRefusedByItsCondition_writesNothing(LocalStack stack) {
    String table = stack.createWidgetTable(stack.uniqueName("metered"), "id");
    put(stack, table, item("w1", "Sue", "2026-01-01", 100));
    Metered before = stack.metered();

    assertThatThrownBy(
            () ->
                stack
                    .dynamoDb()
                    .putItem(
                        r ->
                            r.tableName(table)
                                .item(item("w1", "Sue", "2026-01-02", 3000))
                                .conditionExpression("attribute_not_exists(id)")))
        .isInstanceOf(ConditionalCheckFailedException.class);
    put(stack, table, item("w1", "Sue", "2026-01-01", 100)); // the old item still: 1 and 1

    Metered made = stack.metered().minus(before);
    assertThat(made.calls("DynamoDB PutItem")).isEqualTo(2);
    assertThat(made.writeUnits()).isEqualTo(1);
    assertThat(made.indexWriteUnits()).isEqualTo(1);
  }

  @Test
  void theTableUnits_agreeWithWhatTheServerReports(LocalStack stack) {
    String table = stack.createWidgetTable(stack.uniqueName("metered"), "id");
    double reported = 0;
    Metered before = stack.metered();
    for (int size : new int[] {10, 1000, 1100, 4000, 2047, 300}) {
      reported +=
          stack
              .dynamoDb()
              .putItem(
                  r ->
                      r.tableName(table)
                          .item(item("w" + size % 3, "Sue", "2026-01-0" + size % 7, size))
                          .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
              .consumedCapacity()
              .capacityUnits();
    }

    assertThat(stack.metered().minus(before).writeUnits()).isEqualTo(reported);
  }

  @Test
  void s3AndSqsCalls_areCountedByTheOperationsTheirPricesGo_by(LocalStack stack) {
    String bucket = stack.createBucket(stack.uniqueName("metered"));
    String queue = stack.createQueue(stack.uniqueName("metered"));
    Metered before = stack.metered();

    stack.s3().putObject(r -> r.bucket(bucket).key("a/b"), RequestBody.fromString("x"));
    stack.s3().headObject(r -> r.bucket(bucket).key("a/b"));
    stack.s3().getObjectAsBytes(r -> r.bucket(bucket).key("a/b"));
    stack.s3().listObjectsV2(r -> r.bucket(bucket));
    stack
        .s3()
        .copyObject(
            r ->
                r.sourceBucket(bucket)
                    .sourceKey("a/b")
                    .destinationBucket(bucket)
                    .destinationKey("c"));
    stack.s3().deleteObject(r -> r.bucket(bucket).key("a/b"));
    stack
        .sqs()
        .sendMessageBatch(
            r ->
                r.queueUrl(queue)
                    .entries(
                        SendMessageBatchRequestEntry.builder().id("1").messageBody("x").build()));
    stack.sqs().receiveMessage(r -> r.queueUrl(queue));

    Metered made = stack.metered().minus(before);
    assertThat(made.calls())
        .containsEntry("S3 PutObject", 1L)
        .containsEntry("S3 HeadObject", 1L)
        .containsEntry("S3 GetObject", 1L)
        .containsEntry("S3 ListObjectsV2", 1L)
        .containsEntry("S3 CopyObject", 1L)
        .containsEntry("S3 DeleteObject", 1L)
        .containsEntry("SQS SendMessageBatch", 1L)
        .containsEntry("SQS ReceiveMessage", 1L);
    assertThat(made.calls(LocalService.S3)).isEqualTo(6);
    assertThat(made.totalCalls()).isEqualTo(8);
  }

  private static void put(LocalStack stack, String table, Map<String, AttributeValue> item) {
    stack.dynamoDb().putItem(r -> r.tableName(table).item(item));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  /**
   * An item of exactly {@code size} bytes: {@code id} (2 + 2), the owner and date when given, and a
   * {@code pad} string making up the rest.
   */
  private static Map<String, AttributeValue> item(
      String id, String owner, String modified, int size) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", AttributeValue.fromS(id));
    int used = 2 + id.length() + 3;
    if (owner != null) {
      item.put(OWNER, AttributeValue.fromS(owner));
      item.put(MODIFIED, AttributeValue.fromS(modified));
      used += OWNER.length() + owner.length() + MODIFIED.length() + modified.length();
    }
    item.put("pad", AttributeValue.fromS("p".repeat(Math.max(0, size - used))));
    return item;
  }
}
