package dev.widgetrequests.aws.store.dynamodb;

import dev.widgetrequests.aws.AwsFailures;
import dev.widgetrequests.aws.store.conditional.ConditionalWidgetStore;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.config.ConfigurationException;
import dev.widgetrequests.model.fold.Folded;
import dev.widgetrequests.model.store.Provenance;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Widgets in a DynamoDB table, one item per widget id. The item holds the key attribute (the widget
 * id), {@value #OWNER}, {@value #LABEL} and {@value #DESCRIPTION} when present, every other
 * attribute as its own top-level string attribute, and bookkeeping: {@value #LAST_MODIFIED_ON}
 * (ISO-8601 UTC, for the owner + last-modified index), {@value #LAST_REQUEST_ID} and {@value
 * #ATTRIBUTE_ORDER} (the other attributes' names in order). Keyed by id alone, so {@link #find}
 * returns the widget whatever its owner.
 *
 * <p>Every item also holds the widget's history ({@value #HISTORY}, JSON), its version ({@value
 * #VERSION}, the condition of every write) and the latest folded order key ({@value #REQUEST_KEY}).
 * A widget that is not live (deleted, or only requests that found nothing yet) is a tombstone:
 * {@value #TOMBSTONE} (the latest key), no owner, and {@value #EXPIRES_AT} for the table's TTL.
 * Requests go through the loop of {@link ConditionalWidgetStore}; this store gives its primitives,
 * a consistent {@code GetItem} and a {@code PutItem} conditional on the version. A recently written
 * widget's history is cached, so a request usually costs one call, and a lost race costs a
 * consistent read and another try.
 */
public final class DynamoDbWidgetStore extends ConditionalWidgetStore<StateItem.Known> {
  public static final String DEFAULT_TABLE = "widgets";
  public static final String DEFAULT_KEY_ATTRIBUTE = "id";
  public static final String OWNER = "owner";
  public static final String LABEL = "label";
  public static final String DESCRIPTION = "description";
  public static final String LAST_MODIFIED_ON = "last_modified_on";
  public static final String LAST_REQUEST_ID = "last_request_id";
  public static final String ATTRIBUTE_ORDER = "attribute_order";
  public static final String VERSION = "wr_version";
  public static final String HISTORY = "wr_history";
  public static final String REQUEST_KEY = "wr_request_key";
  public static final String TOMBSTONE = "wr_tombstone";
  public static final String EXPIRES_AT = "wr_expires_at";

  /** Bookkeeping names start with this; no request attribute may. */
  public static final String RESERVED_PREFIX = "wr_";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;
  private final WidgetItem items;
  private final TableCheck tableCheck;
  private final StateItem states;

  /**
   * @param keyAttribute the table's partition key, e.g. {@value #DEFAULT_KEY_ATTRIBUTE} or the
   *     course's {@code widget_id}
   * @param clock gives {@value #LAST_MODIFIED_ON}
   * @throws IllegalArgumentException when the key attribute is one of the fixed attribute names
   */
  public DynamoDbWidgetStore(
      DynamoDbClient dynamoDb, String table, String keyAttribute, Clock clock) {
    super(StateItem.Known.NONE);
    this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    String key = keyAttribute == null ? DEFAULT_KEY_ATTRIBUTE : keyAttribute;
    this.items = new WidgetItem(key);
    this.tableCheck = new TableCheck(dynamoDb, table, key);
    this.states = new StateItem(items);
  }

  /** A store whose table has the default key attribute {@value #DEFAULT_KEY_ATTRIBUTE}. */
  public DynamoDbWidgetStore(DynamoDbClient dynamoDb, String table, Clock clock) {
    this(dynamoDb, table, DEFAULT_KEY_ATTRIBUTE, clock);
  }

  /**
   * Checks that the table exists, can be reached with these credentials, and has the configured
   * string partition key.
   *
   * @throws ConfigurationException naming the table and the fix when it does not
   */
  public void checkAvailable() {
    tableCheck.run();
  }

  @Override
  public Optional<Widget> find(String widgetId) {
    Map<String, AttributeValue> item = getItem(widgetId);
    return StateItem.isLive(item) ? Optional.of(items.fromItem(item)) : Optional.empty();
  }

  /**
   * Every live widget in the table, by a full scan: for checks and small tables, not a hot path.
   */
  public List<Widget> all() {
    return dynamoDb
        .scanPaginator(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .filterExpression("attribute_not_exists(#t) AND attribute_exists(#o)")
                    .expressionAttributeNames(Map.of("#t", TOMBSTONE, "#o", OWNER)))
        .items()
        .stream()
        .map(items::fromItem)
        .toList();
  }

  @Override
  protected StateItem.Known read(String widgetId) {
    return states.fromItem(getItem(widgetId));
  }

  /** One conditional put of the whole item: on the version read, or on there being no item. */
  @Override
  protected Write<StateItem.Known> write(
      String widgetId, Folded folded, StateItem.Known known, Provenance provenance) {
    long version = known.version() + 1;
    Map<String, AttributeValue> item;
    try {
      item =
          states.toItem(
              widgetId, folded, version, lastRequestId(folded, provenance), clock.instant());
    } catch (IllegalArgumentException reserved) {
      return new Write.Refused<>(reserved.getMessage());
    }
    try {
      putItem(item, known.version());
      return new Write.Written<>(new StateItem.Known(folded.history(), version));
    } catch (ConditionalCheckFailedException lostRace) {
      return new Write.LostRace<>();
    } catch (SdkException failure) {
      if (isValidation(failure)) {
        return new Write.Refused<>(
            "DynamoDB refused widget " + widgetId + ": " + failure.getMessage());
      }
      throw AwsFailures.translate(failure); // docs/design/consumer.md, "Failures"
    }
  }

  private void putItem(Map<String, AttributeValue> item, long expectedVersion) {
    Map<String, String> names = Map.of("#v", VERSION);
    dynamoDb.putItem(
        b -> {
          b.tableName(table).item(item).expressionAttributeNames(names);
          if (expectedVersion == 0) {
            b.conditionExpression("attribute_not_exists(#v)");
          } else {
            b.conditionExpression("#v = :v")
                .expressionAttributeValues(
                    Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
          }
        });
  }

  private Map<String, AttributeValue> getItem(String widgetId) {
    try {
      // The SDK gives an empty map, not null, when there is no such item.
      return dynamoDb
          .getItem(b -> b.tableName(table).key(items.key(widgetId)).consistentRead(true))
          .item();
    } catch (SdkException failure) {
      throw AwsFailures.translate(failure);
    }
  }

  private static String lastRequestId(Folded folded, Provenance provenance) {
    return folded.lastChange() != null
        ? folded.lastChange().request().requestId()
        : provenance.requestId();
  }

  /** An item too large, a value DynamoDB refuses: no retry can fix these. */
  private static boolean isValidation(SdkException failure) {
    return failure instanceof DynamoDbException e
        && e.statusCode() == 400
        && e.awsErrorDetails() != null
        && "ValidationException".equals(e.awsErrorDetails().errorCode());
  }
}
