package dev.widgetrequests.consumer.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of malformed and malicious request bodies: every kind an attacker or a broken
 * producer may send (pointer shapes, deep nesting, thousands of attributes, reserved, dotted and
 * invisible names, path-like ids and owners, broken JSON and UTF-8, huge bodies), mixed with valid
 * requests. Each valid one has a widget id of its own, so the final state does not depend on order.
 */
final class HostileBodies {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> BAD_IDS =
      List.of(
          "../victim",
          "a/b",
          "..",
          ".hidden",
          "widgets/mary-matthews/victim-0",
          "a\u0000b",
          "ü",
          "a b",
          "x\ny",
          "",
          " ",
          "%2e%2e",
          "x".repeat(129),
          "id?x=1",
          "a\\b",
          "\u202e");
  static final List<String> BAD_OWNERS =
      List.of(
          "Mary/Matthews",
          "../..",
          "Mary\nMatthews",
          "Mary\u0000",
          "Zoë",
          "Mary.M",
          "   ",
          "",
          "Mary\n",
          "O'Brien",
          "x".repeat(129),
          "\u0410dmin",
          "Mary\tMatthews",
          "1337");
  static final List<String> RESERVED =
      List.of(
          "id",
          "widget_id",
          "owner",
          "label",
          "description",
          "otherAttributes",
          "last_modified_on",
          "wr_version",
          "wr_history",
          "wr_request_key",
          "wr_tombstone",
          "wr_expires_at",
          "wr_");
  static final List<String> ODD_NAMES =
      List.of("a.b", "dimensions.width.cm", "#hash", ":colon", "größe", "color name", "$x", "[0]");
  static final List<String> INVISIBLE_NAMES =
      List.of(
          "a\u0000", "\u001f", "tab\t", "\u007f", "\u0085x", "zero\u200bwidth", "\ufeff", "\ud800");

  private final Random random;
  private final String tag;
  private int serial;

  HostileBodies(long seed, String tag) {
    this.random = new Random(seed);
    this.tag = tag;
  }

  /** A fresh widget id that no other input uses. */
  String freshId() {
    return tag + "-" + serial++;
  }

  ObjectNode validCreate() {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "create").put("requestId", "rq-" + freshId()).put("widgetId", freshId());
    body.put("owner", pick(List.of("Eve Attacker", "Mallory", "Trudy Intruder"))).put("label", "L");
    body.putArray("otherAttributes").addObject().put("name", "color").put("value", "red");
    return body;
  }

  /** One body of the given kind (0 to {@link #KINDS} - 1). */
  byte[] body(int kind) {
    ObjectNode body = validCreate();
    ArrayNode attributes = (ArrayNode) body.get("otherAttributes");
    switch (kind) {
      case 0 -> {} // valid
      case 1 ->
          body.set("Records", HostilePointers.s3Event("widgets", "widgets/mary-matthews/victim-0"));
      case 2 -> body.put("widgetId", pick(BAD_IDS));
      case 3 -> body.put("owner", pick(BAD_OWNERS));
      case 4 -> attributes.addObject().put("name", pick(RESERVED)).put("value", "x");
      case 5 -> attributes.addObject().put("name", pick(ODD_NAMES)).put("value", "x"); // valid
      case 6 -> attributes.addObject().put("name", pick(INVISIBLE_NAMES)).put("value", "x");
      case 7 -> {
        int count = pick(List.of(201, 2_000, 3_000));
        for (int i = 0; i < count; i++) {
          attributes.addObject().put("name", "a" + i).put("value", "v");
        }
      }
      case 8 -> {
        int depth = pick(List.of(33, 100, 5_000, 60_000));
        String deep = "[".repeat(depth) + "]".repeat(depth);
        return utf8(body.toString().replaceFirst("\\{", "{\"deep\":" + deep + ","));
      }
      case 9 -> body.put("label", "x".repeat(256 * 1024 + random.nextInt(4096)));
      case 10 -> body.put("label", pick(List.of("\ud800", "x\udfff", "\ud83d")));
      case 11 -> body.put("label", "ctl \u0001\u0002 non-char \uffff bom \ufeff"); // valid
      case 12 -> body.put("type", pick(List.of("Create", "upsert", "", "delete ", "DROP TABLE")));
      case 13 -> body.remove(pick(List.of("type", "widgetId", "owner")));
      case 14 -> body.put(pick(List.of("widgetId", "owner", "type", "label")), random.nextInt());
      case 15 -> {
        return utf8(broken(body.toString()));
      }
      case 16 -> {
        return notUtf8(body.toString());
      }
      case 17 -> {
        return utf8(
            HostilePointers.brokenPointerBody(random, "widgets", "widgets/mary-matthews/victim-1"));
      }
      case 18 -> // another owner's create, update or delete of a victim: valid, and changes nothing
          body.put("widgetId", "victim-" + random.nextInt(VICTIMS))
              .put("type", pick(List.of("create", "update", "delete")));
      case 19 -> attributes.add(attributes.get(0).deepCopy()); // duplicate name
      default -> throw new IllegalArgumentException("kind " + kind);
    }
    return utf8(escapeLoneSurrogates(body.toString()));
  }

  static final int KINDS = 20;

  /** Jackson writes a lone surrogate as it is, which UTF-8 cannot hold: keep it as an escape. */
  static String escapeLoneSurrogates(String json) {
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
                  && i + 1 < json.length()
                  && Character.isLowSurrogate(json.charAt(i + 1))
              || Character.isLowSurrogate(c)
                  && i > 0
                  && Character.isHighSurrogate(json.charAt(i - 1));
      out.append(
          Character.isSurrogate(c) && !paired ? "\\u%04x".formatted((int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  /** How many victim widgets ({@code victim-0} ...) the suite stores before the attack. */
  static final int VICTIMS = 5;

  private String broken(String json) {
    return switch (random.nextInt(8)) {
      case 0 -> json.substring(0, random.nextInt(json.length()));
      case 1 -> json + "{}";
      case 2 -> json.replaceFirst("\"label\":\"L\"", "\"label\":NaN");
      case 3 -> "/* c */" + json;
      case 4 -> json.replaceFirst("\"type\"", "\"type\":\"delete\",\"type\"");
      case 5 -> pick(List.of("", " ", "null", "[]", "\"create\"", "0", "{}", "true"));
      case 6 -> json.replace('"', '\'');
      default -> "\u0000" + json;
    };
  }

  private static byte[] notUtf8(String json) {
    byte[] bytes = utf8(json.replace("\"L\"", "\"L@\""));
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '@') {
        bytes[i] = (byte) 0xC3; // a lead byte with no continuation
      }
    }
    return bytes;
  }

  <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
