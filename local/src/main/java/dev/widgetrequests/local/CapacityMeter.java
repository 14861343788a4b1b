package dev.widgetrequests.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.ToIntFunction;

/**
 * The DynamoDB capacity units the calls through the local front would consume on AWS, computed by
 * DynamoDB's published rules from the item sizes (the local server, dynalite, reports the table's
 * units only, without its indexes). See docs/bench/README.md.
 *
 * <ul>
 *   <li>An item's size: the UTF-8 bytes of each attribute name plus its value's size (a string's
 *       UTF-8 bytes, a number's one byte per two significant digits plus one, a binary's raw bytes,
 *       1 for a boolean or null, a list's or map's 3 bytes plus its elements' sizes and one byte
 *       each).
 *   <li>{@code PutItem}: one write unit per started KB of the larger of the old and the new item;
 *       {@code DeleteItem}: of the old item, at least one.
 *   <li>Every global secondary index the item is in before or after (its key attributes all
 *       present): a put of the entry when it enters or stays with the same index key, a delete when
 *       it leaves, a delete and a put when its index key changes; each one unit per started KB of
 *       the entry (the whole item when the index projects ALL).
 *   <li>{@code GetItem}: one read unit per started 4 KB of the item (at least one), half when not
 *       strongly consistent.
 * </ul>
 *
 * <p>It learns the tables' keys and indexes from their {@code CreateTable} calls and keeps the size
 * of every item written through it, so it needs no call of its own to the server: a write counts
 * once the server has answered it with success. Other operations are counted as calls only.
 */
final class CapacityMeter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_HELD_BYTES = 1024 * 1024;

  private record Index(String name, List<String> key, String projection, Set<String> included) {}

  private record Table(List<String> key, List<Index> indexes) {}

  /** What a written item costs to rewrite: its size, and per index its entry, if it is in it. */
  private record Stored(int size, Map<String, Entry> entries) {}

  private record Entry(String key, int size) {}

  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Stored>> items = new ConcurrentHashMap<>();
  private final DoubleAdder writeUnits = new DoubleAdder();
  private final DoubleAdder indexWriteUnits = new DoubleAdder();
  private final DoubleAdder readUnits = new DoubleAdder();

  double writeUnits() {
    return writeUnits.sum();
  }

  double indexWriteUnits() {
    return indexWriteUnits.sum();
  }

  double readUnits() {
    return readUnits.sum();
  }

  /** A call of {@code operation}: one whose body and answer it reads, or null. */
  CallMeter.Call call(String operation) {
    return switch (operation) {
      case "CreateTable", "DeleteTable", "PutItem", "DeleteItem", "GetItem" -> new Held(operation);
      default -> null;
    };
  }

  /** The request's bytes held until its answer tells whether it took effect. */
  private final class Held implements CallMeter.Call {
    private final String operation;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Held(String operation) {
      this.operation = operation;
    }

    @Override
    public synchronized void request(byte[] chunk, int length) {
      if (bytes.size() + length <= MAX_HELD_BYTES) {
        bytes.write(chunk, 0, length);
      }
    }

    @Override
    public synchronized void answered(byte[] answer, int length) {
      if (!succeeded(answer, length)) {
        return; // refused (a condition, a bad request): nothing written
      }
      byte[] request = bytes.toByteArray();
      int body = HttpBytes.headEnd(request, request.length);
      if (body < 0) {
        return;
      }
      try {
        apply(
            operation,
            JSON.readTree(
                new String(request, body, request.length - body, StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException unreadable) {
        // Not a request this meter understands (or cut short): counted as a call only.
      }
    }
  }

  /** {@code HTTP/1.1 2xx}. */
  private static boolean succeeded(byte[] answer, int length) {
    return length > 9 && answer[9] == '2';
  }

  void apply(String operation, JsonNode request) {
    String tableName = request.path("TableName").asText();
    switch (operation) {
      case "CreateTable" -> tables.put(tableName, table(request));
      case "DeleteTable" -> {
        tables.remove(tableName);
        items.remove(tableName);
      }
      case "PutItem" -> put(tableName, request.path("Item"));
      case "DeleteItem" -> delete(tableName, request.path("Key"));
      case "GetItem" ->
          get(tableName, request.path("Key"), request.path("ConsistentRead").asBoolean());
      default -> {
        // Counted as a call only.
      }
    }
  }

  private void put(String tableName, JsonNode item) {
    Table table = tables.get(tableName);
    if (table == null) {
      return;
    }
    Map<String, Stored> stored =
        items.computeIfAbsent(tableName, name -> new ConcurrentHashMap<>());
    Stored after = stored(table, item);
    Stored before = stored.put(key(table.key(), item), after);
    writeUnits.add(units(Math.max(before == null ? 0 : before.size(), after.size()), 1024));
    for (Index index : table.indexes()) {
      Entry old = before == null ? null : before.entries().get(index.name());
      Entry now = after.entries().get(index.name());
      indexWriteUnits.add(indexWrites(old, now));
    }
  }

  private void delete(String tableName, JsonNode key) {
    Table table = tables.get(tableName);
    if (table == null) {
      return;
    }
    Stored before = items.getOrDefault(tableName, Map.of()).remove(key(table.key(), key));
    writeUnits.add(units(before == null ? 0 : before.size(), 1024));
    if (before != null) {
      before.entries().values().forEach(entry -> indexWriteUnits.add(units(entry.size(), 1024)));
    }
  }

  private void get(String tableName, JsonNode key, boolean consistent) {
    Table table = tables.get(tableName);
    if (table == null) {
      return;
    }
    Stored item = items.getOrDefault(tableName, Map.of()).get(key(table.key(), key));
    readUnits.add(units(item == null ? 0 : item.size(), 4096) / (consistent ? 1 : 2.0));
  }

  /** The index writes of an item whose entry goes from {@code old} to {@code now} (null: none). */
  static double indexWrites(Entry old, Entry now) {
    if (old == null && now == null) {
      return 0;
    }
    if (old == null) {
      return units(now.size(), 1024);
    }
    if (now == null) {
      return units(old.size(), 1024);
    }
    if (old.key().equals(now.key())) {
      return units(Math.max(old.size(), now.size()), 1024);
    }
    return units(old.size(), 1024) + units(now.size(), 1024);
  }

  /** Started blocks of {@code block} bytes, at least one. */
  static double units(int size, int block) {
    return Math.max(1, (size + block - 1) / block);
  }

  private static Stored stored(Table table, JsonNode item) {
    Map<String, Entry> entries = new HashMap<>();
    for (Index index : table.indexes()) {
      if (index.key().stream().allMatch(item::has)) {
        entries.put(index.name(), new Entry(key(index.key(), item), entrySize(table, index, item)));
      }
    }
    return new Stored(itemSize(item), entries);
  }

  private static int entrySize(Table table, Index index, JsonNode item) {
    if (index.projection().equals("ALL")) {
      return itemSize(item);
    }
    Set<String> projected = new HashSet<>(table.key());
    projected.addAll(index.key());
    projected.addAll(index.included());
    int size = 0;
    for (String name : projected) {
      if (item.has(name)) {
        size += utf8(name) + valueSize(item.get(name));
      }
    }
    return size;
  }

  private static String key(List<String> attributes, JsonNode item) {
    StringBuilder key = new StringBuilder();
    for (String attribute : attributes) {
      key.append(item.path(attribute)).append('\u0000');
    }
    return key.toString();
  }

  private static Table table(JsonNode request) {
    List<Index> indexes = new ArrayList<>();
    for (JsonNode index : request.path("GlobalSecondaryIndexes")) {
      Set<String> included = new HashSet<>();
      index
          .path("Projection")
          .path("NonKeyAttributes")
          .forEach(name -> included.add(name.asText()));
      indexes.add(
          new Index(
              index.path("IndexName").asText(),
              keyNames(index.path("KeySchema")),
              index.path("Projection").path("ProjectionType").asText("KEYS_ONLY"),
              included));
    }
    return new Table(keyNames(request.path("KeySchema")), indexes);
  }

  private static List<String> keyNames(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.forEach(element -> names.add(element.path("AttributeName").asText()));
    return names;
  }

  /** An item's size in bytes, as DynamoDB counts it (an item in DynamoDB's JSON: name → value). */
  static int itemSize(JsonNode item) {
    int size = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      size += utf8(attribute.getKey()) + valueSize(attribute.getValue());
    }
    return size;
  }

  /** A value's size: {@code {"S": "..."}}, {@code {"N": "..."}}, {@code {"M": {...}}}, ... */
  static int valueSize(JsonNode value) {
    Map.Entry<String, JsonNode> typed = value.fields().next();
    JsonNode v = typed.getValue();
    return switch (typed.getKey()) {
      case "S" -> utf8(v.asText());
      case "N" -> numberSize(v.asText());
      case "B" -> Base64.getDecoder().decode(v.asText()).length;
      case "BOOL", "NULL" -> 1;
      case "SS" -> sum(v, element -> utf8(element.asText()));
      case "NS" -> sum(v, element -> numberSize(element.asText()));
      case "BS" -> sum(v, element -> Base64.getDecoder().decode(element.asText()).length);
      case "L" -> 3 + sum(v, element -> 1 + valueSize(element));
      case "M" -> 3 + v.size() + itemSize(v);
      default -> 0;
    };
  }

  /** One byte per two significant digits (leading and trailing zeros trimmed), plus one. */
  static int numberSize(String number) {
    String mantissa = number.split("[eE]")[0];
    String digits = mantissa.replaceAll("[^0-9]", "").replaceAll("^0+", "").replaceAll("0+$", "");
    return 1 + (digits.length() + 1) / 2;
  }

  private static int sum(JsonNode array, ToIntFunction<JsonNode> size) {
    int total = 0;
    for (JsonNode element : array) {
      total += size.applyAsInt(element);
    }
    return total;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
