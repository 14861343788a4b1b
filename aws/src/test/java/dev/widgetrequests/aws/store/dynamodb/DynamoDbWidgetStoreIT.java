package dev.widgetrequests.aws.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.widgetrequests.local.LocalService;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.config.ConfigurationException;
import dev.widgetrequests.model.fold.StoreOutcome;
import dev.widgetrequests.model.store.Provenance;
import dev.widgetrequests.model.store.WidgetStore;
import dev.widgetrequests.model.store.WidgetStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalStackExtension.class)
class DynamoDbWidgetStoreIT extends WidgetStoreContract {
  private static final Instant NOW = Instant.parse("2021-02-02T22:52:48.338Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String OWNER_INDEX = "owner-last_modified_on-index";

  private static LocalStack stack;
  private static DynamoDbClient dynamoDb;
  private static String table;
  private static DynamoDbWidgetStore store;
  private static DynamoDbWidgetStore second;

  @BeforeAll
  static void createTable(LocalStack localStack) {
    stack = localStack;
    dynamoDb = stack.dynamoDb();
    table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    store = new DynamoDbWidgetStore(dynamoDb, table, "id", CLOCK);
    second = new DynamoDbWidgetStore(dynamoDb, table, "id", CLOCK);
  }

  @Override
  protected OptionalLong callsSoFar() {
    return OptionalLong.of(stack.callCounts().of(LocalService.DYNAMODB));
  }

  /** One conditional PutItem. */
  @Override
  protected long callsPerWrite() {
    return 1;
  }

  @Override
  protected WidgetStore store() {
    return store;
  }

  @Override
  protected WidgetStore secondStore() {
    return second;
  }

  @Test
  void put_writesEveryFieldAsATopLevelStringWithBookkeeping() {
    Widget widget =
        new Widget(
            newId(),
            "Sue Smith",
            "JWJYY",
            "",
            List.of(new Attribute("width-unit", "cm"), new Attribute("rating", "2.580677")));

    String key = nextKey();
    store.apply(
        create(key, "e80fab52-71a5", widget),
        new Provenance("e80fab52-71a5", NOW, "1612306368338"));

    Map<String, AttributeValue> item = raw(table, "id", widget.id());
    assertThat(item)
        .containsEntry("wr_version", AttributeValue.fromN("1"))
        .containsEntry("wr_request_key", fromS(key))
        .containsKey("wr_history")
        .hasSize(12)
        .containsAllEntriesOf(
            Map.of(
                "id", fromS(widget.id()),
                "owner", fromS("Sue Smith"),
                "label", fromS("JWJYY"),
                "description", fromS(""),
                "width-unit", fromS("cm"),
                "rating", fromS("2.580677"),
                "last_modified_on", fromS("2021-02-02T22:52:48.338Z"),
                "last_request_id", fromS("e80fab52-71a5"),
                "attribute_order", fromL(List.of(fromS("width-unit"), fromS("rating")))));
    assertThat(Instant.parse(item.get("last_modified_on").s())).isEqualTo(NOW);
  }

  @Test
  void put_absentLabelAndDescription_writesNoSuchAttributes() {
    Widget widget = new Widget(newId(), OWNER, null, null, List.of());

    put(widget);

    assertThat(raw(table, "id", widget.id())).doesNotContainKeys("label", "description");
  }

  @Test
  void find_withAnotherOwner_returnsTheWidget() {
    Widget widget = fullWidget(newId(), OWNER);
    put(widget);

    assertThat(store.find(widget.id())).contains(widget);
  }

  @Test
  void find_itemWrittenByAnotherTool_appendsUnlistedAttributesByName() {
    String id = newId();
    dynamoDb.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        "id", fromS(id),
                        "owner", fromS("Sue Smith"),
                        "size", fromS("926"),
                        "color", fromS("red"),
                        "last_modified_on", fromS("2021-02-02T22:52:48.338Z"))));

    assertThat(store.find(id))
        .contains(
            new Widget(
                id,
                "Sue Smith",
                null,
                null,
                List.of(new Attribute("color", "red"), new Attribute("size", "926"))));
    assertThat(apply(update(nextKey(), id, "Sue Smith", "L", new Attribute("size", "1"))))
        .isEqualTo(new StoreOutcome.Applied());
    assertThat(store.find(id))
        .contains(
            new Widget(
                id,
                "Sue Smith",
                "L",
                null,
                List.of(new Attribute("color", "red"), new Attribute("size", "1"))));
  }

  @Test
  void put_attributeNamedLikeBookkeeping_isRefusedAndNothingIsWritten() {
    Widget widget =
        new Widget(newId(), OWNER, null, null, List.of(new Attribute("last_modified_on", "x")));

    assertThat(apply(create(nextKey(), widget)))
        .isInstanceOfSatisfying(
            StoreOutcome.Refused.class,
            refused -> assertThat(refused.reason()).contains("last_modified_on"));
    assertThat(store.find(widget.id())).isEmpty();
    assertThat(raw(table, "id", widget.id())).isEmpty();
  }

  @Test
  void create_attributeWithBookkeepingPrefix_isRefused() {
    Widget widget =
        new Widget(newId(), OWNER, null, null, List.of(new Attribute("wr_version", "9")));

    assertThat(apply(create(nextKey(), widget))).isInstanceOf(StoreOutcome.Refused.class);
    assertThat(raw(table, "id", widget.id())).isEmpty();
  }

  @Test
  void create_ofAnItemTooLarge_isRefusedWithTheReason() {
    Widget widget =
        new Widget(newId(), OWNER, null, null, List.of(new Attribute("big", "x".repeat(410_000))));

    assertThat(apply(create(nextKey(), widget))).isInstanceOf(StoreOutcome.Refused.class);
    assertThat(store.find(widget.id())).isEmpty();
  }

  @Test
  void delete_leavesATombstoneWithoutOwner_thatScansAndTheIndexSkip() {
    Widget widget = fullWidget(newId(), uniqueOwner());
    put(widget);
    String key = nextKey();

    apply(delete(key, widget.id(), widget.owner()));

    Map<String, AttributeValue> item = raw(table, "id", widget.id());
    assertThat(item)
        .containsEntry("wr_tombstone", fromS(key))
        .containsKeys("wr_history", "wr_version", "wr_expires_at")
        .doesNotContainKeys("owner", "label", "last_modified_on");
    long expires = Long.parseLong(item.get("wr_expires_at").n());
    assertThat(expires).isEqualTo(NOW.plus(java.time.Duration.ofDays(7)).getEpochSecond());
    assertThat(store.all()).extracting(Widget::id).doesNotContain(widget.id());
  }

  @Test
  void twoStoresOnOneTable_racingWithStaleCopies_loseNoChange() {
    DynamoDbWidgetStore other = new DynamoDbWidgetStore(dynamoDb, table, "id", CLOCK);
    String id = newId();
    put(new Widget(id, OWNER, "L", null, List.of()));

    other.apply(update(nextKey(), id, OWNER, null, new Attribute("a", "1")), PROVENANCE);
    apply(update(nextKey(), id, OWNER, null, new Attribute("b", "2")));
    other.apply(update(nextKey(), id, OWNER, null, new Attribute("c", "3")), PROVENANCE);

    assertThat(store.find(id).orElseThrow().otherAttributes())
        .containsExactly(new Attribute("a", "1"), new Attribute("b", "2"), new Attribute("c", "3"));
    assertThat(raw(table, "id", id)).containsEntry("wr_version", AttributeValue.fromN("4"));
  }

  @Test
  void customKeyAttribute_widgetId_storesFindsAndDeletes() {
    String courseTable = stack.createWidgetTable(stack.uniqueName("course-widgets"), "widget_id");
    DynamoDbWidgetStore course = new DynamoDbWidgetStore(dynamoDb, courseTable, "widget_id", CLOCK);
    Widget widget = fullWidget(newId(), OWNER);

    course.checkAvailable();
    course.apply(create(nextKey(), widget), PROVENANCE);

    assertThat(raw(courseTable, "widget_id", widget.id()))
        .containsEntry("widget_id", fromS(widget.id()))
        .doesNotContainKey("id");
    assertThat(course.find(widget.id())).contains(widget);
    course.apply(delete(nextKey(), widget.id(), OWNER), PROVENANCE);
    assertThat(course.find(widget.id())).isEmpty();
    assertThat(course.all()).isEmpty();
  }

  @Test
  void ownerIndex_queryByOwner_findsThatOwnersWidgets() {
    String owner = uniqueOwner();
    Widget first = fullWidget(newId(), owner);
    Widget second = fullWidget(newId(), owner);
    Widget deleted = fullWidget(newId(), owner);
    put(first);
    put(second);
    put(deleted);
    apply(delete(nextKey(), deleted.id(), owner));
    put(fullWidget(newId(), OWNER));

    List<String> ids =
        dynamoDb
            .query(
                b ->
                    b.tableName(table)
                        .indexName(OWNER_INDEX)
                        .keyConditionExpression("#owner = :owner AND #modified <= :now")
                        .expressionAttributeNames(
                            Map.of("#owner", "owner", "#modified", "last_modified_on"))
                        .expressionAttributeValues(
                            Map.of(
                                ":owner", fromS(owner), ":now", fromS("2021-02-02T22:52:48.338Z"))))
            .items()
            .stream()
            .map(item -> item.get("id").s())
            .toList();

    assertThat(ids).containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void checkAvailable_existingTable_passes() {
    store.checkAvailable();
  }

  @Test
  void checkAvailable_missingTable_namesTheTableAndTheOption() {
    String missing = stack.uniqueName("missing");
    DynamoDbWidgetStore nowhere = new DynamoDbWidgetStore(dynamoDb, missing, "id", CLOCK);

    assertThatThrownBy(nowhere::checkAvailable)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("DynamoDB table \"" + missing + "\" does not exist")
        .hasMessageContaining("--dynamodb-widget-table")
        .hasMessageNotContaining("\n");
  }

  @Test
  void checkAvailable_tableWithAnotherKey_namesTheKeyOption() {
    DynamoDbWidgetStore wrongKey = new DynamoDbWidgetStore(dynamoDb, table, "widget_id", CLOCK);

    assertThatThrownBy(wrongKey::checkAvailable)
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "DynamoDB table \"%s\" has partition key \"id\", not \"widget_id\":"
                + " pass --dynamodb-key-attribute id",
            table);
  }

  private static Map<String, AttributeValue> raw(String tableName, String key, String id) {
    return dynamoDb
        .getItem(b -> b.tableName(tableName).key(Map.of(key, fromS(id))).consistentRead(true))
        .item();
  }

  /** Owners are letters and spaces only, so a unique one is made of random letters. */
  private static String uniqueOwner() {
    Random random = new Random();
    StringBuilder owner = new StringBuilder("Owner ");
    for (int i = 0; i < 12; i++) {
      owner.append((char) ('a' + random.nextInt(26)));
    }
    return owner.toString();
  }
}
