package dev.widgetrequests.bench;

import dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import dev.widgetrequests.producer.sink.OutgoingRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * The writes the project's DynamoDB store makes for a run of requests, by request id: each request
 * applied in production order to a {@link DynamoDbWidgetStore} over an in-memory table, before
 * anything is timed. The raw ceiling sends them, so the servers store the same items as for the
 * consumer (the widget's attributes, its history, its version) under a condition on the version,
 * without any parsing, folding or building in the timed loops.
 *
 * <p>The store's condition wants the version before; the ceiling's loops write out of order, and a
 * write refused by it would cost an error response instead of a stored item (and fail every later
 * write of that widget). So each write here keeps the item and a condition of the same kind, on the
 * version, that holds for every write of the run: the stored version is not its own.
 */
final class StoreWrites {
  private StoreWrites() {}

  /** A request the store writes nothing for (one its history already holds) has no write. */
  static Map<String, PutItemRequest> of(List<OutgoingRequest> requests, String table) {
    Clock clock = Clock.systemUTC();
    InMemoryTable memory = new InMemoryTable();
    DynamoDbWidgetStore store =
        new DynamoDbWidgetStore(memory, table, Resources.KEY_ATTRIBUTE, clock);
    Map<String, PutItemRequest> writes = new HashMap<>();
    inProductionOrder(
        requests,
        store,
        clock,
        () -> memory.last = null,
        requestId -> {
          if (memory.last != null) {
            writes.put(requestId, holdingCondition(memory.last));
          }
        });
    return writes;
  }

  /**
   * Applies the requests one by one to {@code store} as the consumer would, the producer's key
   * being the order key the consumer reads from the message or the object; {@code before} runs
   * before each, {@code after} after it with its request id.
   */
  static void inProductionOrder(
      List<OutgoingRequest> requests,
      WidgetStore store,
      Clock clock,
      Runnable before,
      Consumer<String> after) {
    for (OutgoingRequest outgoing : requests) {
      String requestId = outgoing.request().requestId();
      before.run();
      store.apply(
          new KeyedRequest(outgoing.key(), outgoing.request()),
          new Provenance(requestId, clock.instant(), outgoing.key()));
      after.accept(requestId);
    }
  }

  private static PutItemRequest holdingCondition(PutItemRequest write) {
    return write.toBuilder()
        .conditionExpression("attribute_not_exists(#v) OR #v <> :v")
        .expressionAttributeNames(Map.of("#v", DynamoDbWidgetStore.VERSION))
        .expressionAttributeValues(Map.of(":v", write.item().get(DynamoDbWidgetStore.VERSION)))
        .build();
  }

  /** Keeps the latest item per key and no condition: requests come one by one, in order. */
  private static final class InMemoryTable implements DynamoDbClient {
    private final Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    private PutItemRequest last;

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      items.put(request.item().get(Resources.KEY_ATTRIBUTE).s(), request.item());
      last = request;
      return PutItemResponse.builder().build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      String id = request.key().get(Resources.KEY_ATTRIBUTE).s();
      return GetItemResponse.builder().item(items.getOrDefault(id, Map.of())).build();
    }

    @Override
    public String serviceName() {
      return SERVICE_NAME;
    }

    @Override
    public void close() {}
  }
}
