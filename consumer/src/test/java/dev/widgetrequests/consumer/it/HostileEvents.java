package dev.widgetrequests.consumer.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * API Gateway proxy events around hostile bodies: both payload formats, odd methods and content
 * types in any header case, base64 bodies (some not base64), and input that is no proxy event.
 */
final class HostileEvents {
  private static final List<String> JSON_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-8",
          "APPLICATION/JSON",
          "application/vnd.widget+json",
          "application/json;charset=\"UTF-8\"");
  private static final List<String> OTHER_TYPES =
      List.of(
          "text/plain",
          "application/x-www-form-urlencoded",
          "",
          "application/xml",
          "application/json; charset=latin1",
          "multipart/form-data; boundary=x",
          "application/jsonp");
  private static final List<String> NOT_EVENTS =
      List.of(
          "{}",
          "[]",
          "garbage",
          "",
          "{\"version\":\"2.0\"}",
          "{\"httpMethod\":5}",
          "{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{}\"}]}",
          "{\"requestContext\":{\"http\":{\"method\":[\"POST\"]}}}",
          "[".repeat(5_000) + "]".repeat(5_000));

  /** One event and what the handler must answer. */
  record Event(String json, int expectedStatus) {}

  private final HostileBodies bodies;

  HostileEvents(HostileBodies bodies) {
    this.bodies = bodies;
  }

  /**
   * @param expectedForBody the status the body itself earns (202 valid, 400 invalid, 413 too large)
   */
  Event event(byte[] body, int expectedForBody) {
    int roll = bodies.nextInt(100);
    if (roll < 4) {
      return new Event(bodies.pick(NOT_EVENTS), 400);
    }
    boolean v2 = bodies.nextInt(2) == 0;
    String method =
        roll < 10 ? bodies.pick(List.of("GET", "PUT", "DELETE", "post", "", "PATCH")) : "POST";
    ObjectNode event = HostileBodies.JSON.createObjectNode();
    if (v2) {
      event
          .put("version", "2.0")
          .putObject("requestContext")
          .putObject("http")
          .put("method", method);
    } else {
      event.put("httpMethod", method).put("resource", "/widget-requests");
    }
    String contentType = contentType(roll);
    if (contentType != null) {
      String name =
          bodies.pick(List.of("content-type", "Content-Type", "CONTENT-TYPE", "cOnTeNt-TyPe"));
      event.putObject("headers").put(name, contentType).put("x-forwarded-for", "10.0.0.1");
    }
    boolean utf8 = isUtf8(body);
    boolean badBase64 = bodies.nextInt(40) == 0;
    if (badBase64) {
      event.put("body", "@@not base64@@").put("isBase64Encoded", true);
    } else if (!utf8 || bodies.nextInt(4) == 0) {
      event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
    } else {
      event.put("body", new String(body, StandardCharsets.UTF_8)).put("isBase64Encoded", false);
    }
    int expected;
    if (badBase64) {
      expected = 400; // the event itself is broken, whatever it asks
    } else if (!method.equals("POST")) {
      expected = 405;
    } else if (contentType != null && OTHER_TYPES.contains(contentType)) {
      expected = 415;
    } else {
      expected = expectedForBody;
    }
    return new Event(event.toString(), expected);
  }

  private String contentType(int roll) {
    if (roll < 25) {
      return null;
    }
    return roll < 85 ? bodies.pick(JSON_TYPES) : bodies.pick(OTHER_TYPES);
  }

  static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
