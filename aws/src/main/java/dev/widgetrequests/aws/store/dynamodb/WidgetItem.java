package dev.widgetrequests.aws.store.dynamodb;

import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.ATTRIBUTE_ORDER;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.DESCRIPTION;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.LABEL;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.LAST_MODIFIED_ON;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.LAST_REQUEST_ID;
import static dev.widgetrequests.aws.store.dynamodb.DynamoDbWidgetStore.OWNER;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.Widget;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps a widget to a flat item and back. DynamoDB keeps no attribute order, so the names of the
 * widget's other attributes are also stored, in order, in {@value
 * DynamoDbWidgetStore#ATTRIBUTE_ORDER}.
 */
final class WidgetItem {
  /** Fixed width (always milliseconds) so the index's string order is time order. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final Set<String> FIXED_NAMES =
      Set.of(OWNER, LABEL, DESCRIPTION, LAST_MODIFIED_ON, LAST_REQUEST_ID, ATTRIBUTE_ORDER);

  private final String keyAttribute;

  WidgetItem(String keyAttribute) {
    if (keyAttribute == null || keyAttribute.isEmpty() || FIXED_NAMES.contains(keyAttribute)) {
      throw new IllegalArgumentException(
          "key attribute \"%s\" must be non-empty and none of %s"
              .formatted(keyAttribute, new TreeSet<>(FIXED_NAMES)));
    }
    this.keyAttribute = keyAttribute;
  }

  Map<String, AttributeValue> key(String widgetId) {
    return Map.of(keyAttribute, text(widgetId));
  }

  /**
   * @throws IllegalArgumentException when an attribute name would overwrite the key, a widget field
   *     or the bookkeeping
   */
  Map<String, AttributeValue> toItem(Widget widget, String requestId, Instant modifiedOn) {
    Map<String, AttributeValue> item = new HashMap<>();
    List<AttributeValue> order = new ArrayList<>();
    for (Attribute attribute : widget.otherAttributes()) {
      if (isReserved(attribute.name())) {
        throw new IllegalArgumentException(
            "widget %s: attribute name \"%s\" is reserved in the DynamoDB table"
                .formatted(widget.id(), attribute.name()));
      }
      item.put(attribute.name(), text(attribute.value()));
      order.add(text(attribute.name()));
    }
    item.put(keyAttribute, text(widget.id()));
    item.put(OWNER, text(widget.owner()));
    putIfPresent(item, LABEL, widget.label());
    putIfPresent(item, DESCRIPTION, widget.description());
    item.put(LAST_MODIFIED_ON, text(TIMESTAMP.format(modifiedOn)));
    putIfPresent(item, LAST_REQUEST_ID, requestId);
    item.put(ATTRIBUTE_ORDER, AttributeValue.fromL(order));
    return item;
  }

  Widget fromItem(Map<String, AttributeValue> item) {
    String id = textOf(item.get(keyAttribute)).orElseThrow();
    String owner =
        textOf(item.get(OWNER))
            .orElseThrow(() -> new IllegalStateException("item " + id + " has no owner"));
    List<Attribute> attributes = new ArrayList<>();
    for (String name : attributeNames(item)) {
      textOf(item.get(name)).ifPresent(value -> attributes.add(new Attribute(name, value)));
    }
    return new Widget(
        id,
        owner,
        textOf(item.get(LABEL)).orElse(null),
        textOf(item.get(DESCRIPTION)).orElse(null),
        attributes);
  }

  /** The stored order first, then attributes written by other tools, sorted by name. */
  private Set<String> attributeNames(Map<String, AttributeValue> item) {
    Set<String> names = new LinkedHashSet<>();
    AttributeValue order = item.get(ATTRIBUTE_ORDER);
    if (order != null && order.hasL()) {
      order.l().stream()
          .flatMap(name -> textOf(name).stream())
          .filter(name -> item.containsKey(name) && !isReserved(name))
          .forEach(names::add);
    }
    item.keySet().stream().filter(name -> !isReserved(name)).sorted().forEach(names::add);
    return names;
  }

  private boolean isReserved(String name) {
    return name.equals(keyAttribute)
        || FIXED_NAMES.contains(name)
        || name.startsWith(DynamoDbWidgetStore.RESERVED_PREFIX);
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, text(value));
    }
  }

  private static AttributeValue text(String value) {
    return AttributeValue.fromS(value);
  }

  /** Strings as stored; numbers and booleans that other tools wrote, as text; others absent. */
  private static Optional<String> textOf(AttributeValue value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.s() != null) {
      return Optional.of(value.s());
    }
    if (value.n() != null) {
      return Optional.of(value.n());
    }
    return Optional.ofNullable(value.bool()).map(String::valueOf);
  }
}
