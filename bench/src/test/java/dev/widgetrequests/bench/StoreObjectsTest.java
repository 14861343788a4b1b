package dev.widgetrequests.bench;

import static dev.widgetrequests.bench.ProducedRequests.outgoing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.store.s3.S3WidgetStore;
import dev.widgetrequests.bench.StoreObjects.Call;
import dev.widgetrequests.bench.StoreObjects.Delete;
import dev.widgetrequests.bench.StoreObjects.Head;
import dev.widgetrequests.bench.StoreObjects.Put;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreObjectsTest {
  private static final String STATE = S3WidgetStore.stateKey("w1");

  @Test
  void of_givesTheStoresCallsForEveryRequestInProductionOrder() {
    List<OutgoingRequest> requests = ProducedRequests.createUpdateDelete();

    Map<String, List<Call>> calls = StoreObjects.of(requests);

    assertThat(calls).containsOnlyKeys("r1", "r2", "r3");
    String widget = S3WidgetStore.keyFor(S3WidgetStore.DEFAULT_KEY_PREFIX, "Ada Lovelace", "w1");
    // The state, then the widget object it projects to, then the look at the state's ETag.
    List<Call> create = calls.get("r1");
    assertThat(create).hasSize(3);
    assertThat(put(create.get(0)).request().key()).isEqualTo(STATE);
    assertThat(body(create.get(0))).contains("r1");
    Put createdWidget = put(create.get(1));
    assertThat(createdWidget.request().key()).isEqualTo(widget);
    assertThat(createdWidget.request().metadata()).containsEntry(S3WidgetStore.REQUEST_ID, "r1");
    assertThat(createdWidget.request().contentMD5()).isNotBlank();
    assertThat(body(createdWidget)).contains("\"LABEL\"", "\"red\"");
    assertThat(((Head) create.get(2)).request().key()).isEqualTo(STATE);
    // The update is folded onto the create, as the consumer's store does it.
    List<Call> update = calls.get("r2");
    assertThat(body(update.get(0))).contains("r1", "r2");
    assertThat(body(update.get(1))).contains("\"NEW\"", "\"red\"", "\"9\"");
    // A delete writes the state and removes the widget's object.
    List<Call> delete = calls.get("r3");
    assertThat(put(delete.get(0)).request().key()).isEqualTo(STATE);
    assertThat(delete).anySatisfy(call -> assertThat(deleted(call)).isEqualTo(widget));
  }

  @Test
  void of_sendsTheStatesWriteWithoutItsCondition() {
    List<OutgoingRequest> requests =
        List.of(
            outgoing("1", new CreateWidget("r1", "w1", "Ada Lovelace", "A", null, List.of())),
            outgoing("2", new UpdateWidget("r2", "w1", "Ada Lovelace", "B", null, List.of())));

    Map<String, List<Call>> calls = StoreObjects.of(requests);

    for (List<Call> forRequest : calls.values()) {
      for (Call call : forRequest) {
        if (call instanceof Put write) {
          assertThat(write.request().ifMatch()).isNull();
          assertThat(write.request().ifNoneMatch()).isNull();
        }
      }
    }
  }

  @Test
  void of_keepsTheCallsOfTheFirstTimeOfARequestSentTwice() {
    CreateWidget create = new CreateWidget("r1", "w1", "Ada Lovelace", "A", null, List.of());
    List<OutgoingRequest> requests = List.of(outgoing("1", create), outgoing("1", create));

    Map<String, List<Call>> calls = StoreObjects.of(requests);

    assertThat(calls).containsOnlyKeys("r1");
    // the second time the store only projects again (widget object, check), the first it also
    // wrote the state
    assertThat(calls.get("r1")).hasSize(3);
    assertThat(put(calls.get("r1").get(0)).request().key()).isEqualTo(STATE);
  }

  private static Put put(Call call) {
    assertThat(call).isInstanceOf(Put.class);
    return (Put) call;
  }

  private static String body(Call call) {
    return new String(put(call).body(), StandardCharsets.UTF_8);
  }

  private static String deleted(Call call) {
    return call instanceof Delete delete ? delete.request().key() : null;
  }
}
