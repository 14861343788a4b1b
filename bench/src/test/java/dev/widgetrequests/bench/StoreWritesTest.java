package dev.widgetrequests.bench;

import static dev.widgetrequests.bench.ProducedRequests.outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class StoreWritesTest {
  private static final String TABLE = "bench-widgets";

  @Test
  void of_givesTheStoresItemForEveryRequestInProductionOrder() {
    List<OutgoingRequest> requests = ProducedRequests.createUpdateDelete();

    Map<String, PutItemRequest> writes = StoreWrites.of(requests, TABLE);

    assertThat(writes).containsOnlyKeys("r1", "r2", "r3");
    PutItemRequest create = writes.get("r1");
    assertThat(create.tableName()).isEqualTo(TABLE);
    assertThat(create.item())
        .containsEntry("id", s("w1"))
        .containsEntry(DynamoDbWidgetStore.OWNER, s("Ada Lovelace"))
        .containsEntry(DynamoDbWidgetStore.LABEL, s("LABEL"))
        .containsEntry("color", s("red"))
        .containsEntry(DynamoDbWidgetStore.VERSION, n("1"))
        .containsKeys(DynamoDbWidgetStore.HISTORY, DynamoDbWidgetStore.LAST_MODIFIED_ON);
    // The update is folded onto the create, as the consumer's store does it.
    PutItemRequest update = writes.get("r2");
    assertThat(update.item())
        .containsEntry(DynamoDbWidgetStore.LABEL, s("NEW"))
        .containsEntry("color", s("red"))
        .containsEntry("size", s("9"))
        .containsEntry(DynamoDbWidgetStore.VERSION, n("2"));
    // The history is stored deflated against the widget (a binary attribute), as the store does.
    assertThat(update.item().get(DynamoDbWidgetStore.HISTORY).b().asByteArray()).isNotEmpty();
    PutItemRequest delete = writes.get("r3");
    assertThat(delete.item())
        .containsKey(DynamoDbWidgetStore.TOMBSTONE)
        .doesNotContainKey(DynamoDbWidgetStore.OWNER)
        .containsEntry(DynamoDbWidgetStore.VERSION, n("3"));
  }

  @Test
  void of_conditionsEveryWriteOnTheVersionSoThatOutOfOrderWritesStillHold() {
    List<OutgoingRequest> requests =
        List.of(
            outgoing("1", new CreateWidget("r1", "w1", "Ada Lovelace", "A", null, List.of())),
            outgoing("2", new UpdateWidget("r2", "w1", "Ada Lovelace", "B", null, List.of())));

    Map<String, PutItemRequest> writes = StoreWrites.of(requests, TABLE);

    for (PutItemRequest write : writes.values()) {
      assertThat(write.conditionExpression()).isEqualTo("attribute_not_exists(#v) OR #v <> :v");
      assertThat(write.expressionAttributeNames())
          .containsExactlyEntriesOf(Map.of("#v", DynamoDbWidgetStore.VERSION));
      assertThat(write.expressionAttributeValues())
          .containsExactlyEntriesOf(Map.of(":v", write.item().get(DynamoDbWidgetStore.VERSION)));
    }
  }

  @Test
  void of_writesNothingForARequestTheHistoryAlreadyHolds() {
    CreateWidget create = new CreateWidget("r1", "w1", "Ada Lovelace", "A", null, List.of());
    List<OutgoingRequest> requests = List.of(outgoing("1", create), outgoing("1", create));

    Map<String, PutItemRequest> writes = StoreWrites.of(requests, TABLE);

    assertThat(writes).containsOnlyKeys("r1");
    assertThat(writes.get("r1").item()).containsEntry(DynamoDbWidgetStore.VERSION, n("1"));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
