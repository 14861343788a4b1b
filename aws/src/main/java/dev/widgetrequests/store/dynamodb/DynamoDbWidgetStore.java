package dev.widgetrequests.store.dynamodb;

import dev.widgetrequests.config.ConfigurationException;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.WidgetStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Widgets in a DynamoDB table, one item per widget id. The item holds the key attribute (the widget
 * id), {@value #OWNER}, {@value #LABEL} and {@value #DESCRIPTION} when present, every other
 * attribute as its own top-level string attribute, and bookkeeping: {@value #LAST_MODIFIED_ON}
 * (ISO-8601 UTC, for the owner + last-modified index), {@value #LAST_REQUEST_ID} and {@value
 * #ATTRIBUTE_ORDER} (the other attributes' names in order). Keyed by id alone, so {@link #find}
 * returns the widget whatever its owner.
 */
public final class DynamoDbWidgetStore implements WidgetStore {
  public static final String DEFAULT_TABLE = "widgets";
  public static final String DEFAULT_KEY_ATTRIBUTE = "id";
  public static final String OWNER = "owner";
  public static final String LABEL = "label";
  public static final String DESCRIPTION = "description";
  public static final String LAST_MODIFIED_ON = "last_modified_on";
  public static final String LAST_REQUEST_ID = "last_request_id";
  public static final String ATTRIBUTE_ORDER = "attribute_order";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;
  private final WidgetItem items;
  private final TableCheck tableCheck;

  /**
   * @param keyAttribute the table's partition key, e.g. {@value #DEFAULT_KEY_ATTRIBUTE} or the
   *     course's {@code widget_id}
   * @param clock gives {@value #LAST_MODIFIED_ON}
   * @throws IllegalArgumentException when the key attribute is one of the fixed attribute names
   */
  public DynamoDbWidgetStore(
      DynamoDbClient dynamoDb, String table, String keyAttribute, Clock clock) {
    this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    String key = keyAttribute == null ? DEFAULT_KEY_ATTRIBUTE : keyAttribute;
    this.items = new WidgetItem(key);
    this.tableCheck = new TableCheck(dynamoDb, table, key);
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
  public Optional<Widget> find(String widgetId, String owner) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(table).key(items.key(widgetId)).consistentRead(true))
            .item();
    // The SDK gives an empty map, not null, when there is no such item.
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(items.fromItem(item));
  }

  /**
   * @throws IllegalArgumentException when an attribute name is the key attribute, a widget field or
   *     a bookkeeping name: stored flat, it would overwrite that attribute
   */
  @Override
  public void put(Widget widget, Provenance provenance) {
    Objects.requireNonNull(provenance, "provenance");
    Map<String, AttributeValue> item =
        items.toItem(widget, provenance.requestId(), clock.instant());
    dynamoDb.putItem(b -> b.tableName(table).item(item));
  }

  /** Every widget in the table, by a full scan: for checks and small tables, not a hot path. */
  public List<Widget> all() {
    return dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
        .map(items::fromItem)
        .toList();
  }

  @Override
  public void delete(Widget widget) {
    dynamoDb.deleteItem(b -> b.tableName(table).key(items.key(widget.id())));
  }
}
