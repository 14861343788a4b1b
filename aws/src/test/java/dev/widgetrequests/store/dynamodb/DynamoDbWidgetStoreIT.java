package dev.widgetrequests.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL;
import static software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS;

import dev.widgetrequests.config.ConfigurationException;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.store.Provenance;
import dev.widgetrequests.store.WidgetStore;
import dev.widgetrequests.store.WidgetStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
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

  @BeforeAll
  static void createTable(LocalStack localStack) {
    stack = localStack;
    dynamoDb = stack.dynamoDb();
    table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    store = new DynamoDbWidgetStore(dynamoDb, table, "id", CLOCK);
  }

  @Override
  protected WidgetStore store() {
    return store;
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

    store.put(widget, new Provenance("e80fab52-71a5", NOW, "1612306368338"));

    Map<String, AttributeValue> item = raw(table, "id", widget.id());
    assertThat(item)
        .containsExactlyInAnyOrderEntriesOf(
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

    store.put(widget, PROVENANCE);

    assertThat(raw(table, "id", widget.id())).doesNotContainKeys("label", "description");
  }

  @Test
  void find_withAnotherOwner_returnsTheWidget() {
    Widget widget = fullWidget(newId(), OWNER);
    store.put(widget, PROVENANCE);

    assertThat(store.find(widget.id(), "Sue Smith")).contains(widget);
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

    assertThat(store.find(id, "Sue Smith"))
        .contains(
            new Widget(
                id,
                "Sue Smith",
                null,
                null,
                List.of(new Attribute("color", "red"), new Attribute("size", "926"))));
  }

  @Test
  void put_attributeNamedLikeBookkeeping_isRefusedAndNothingIsWritten() {
    Widget widget =
        new Widget(newId(), OWNER, null, null, List.of(new Attribute("last_modified_on", "x")));

    assertThatThrownBy(() -> store.put(widget, PROVENANCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("last_modified_on");
    assertThat(store.find(widget.id(), OWNER)).isEmpty();
  }

  @Test
  void customKeyAttribute_widgetId_storesFindsAndDeletes() {
    String courseTable = stack.createWidgetTable(stack.uniqueName("course-widgets"), "widget_id");
    DynamoDbWidgetStore course = new DynamoDbWidgetStore(dynamoDb, courseTable, "widget_id", CLOCK);
    Widget widget = fullWidget(newId(), OWNER);

    course.checkAvailable();
    course.put(widget, PROVENANCE);

    assertThat(raw(courseTable, "widget_id", widget.id()))
        .containsEntry("widget_id", fromS(widget.id()))
        .doesNotContainKey("id");
    assertThat(course.find(widget.id(), OWNER)).contains(widget);
    course.delete(widget);
    assertThat(course.find(widget.id(), OWNER)).isEmpty();
  }

  @Test
  void ownerIndex_queryByOwner_findsThatOwnersWidgets() {
    String owner = uniqueOwner();
    Widget first = fullWidget(newId(), owner);
    Widget second = fullWidget(newId(), owner);
    store.put(first, PROVENANCE);
    store.put(second, PROVENANCE);
    store.put(fullWidget(newId(), OWNER), PROVENANCE);

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
