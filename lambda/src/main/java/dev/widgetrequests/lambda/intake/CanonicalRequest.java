package dev.widgetrequests.lambda.intake;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;

/**
 * The one form in which a request goes on the queue: re-written from its validated fields, so
 * unknown properties (a {@code Records} array, a pointer's shape) never reach the consumer.
 * Characters SQS refuses in a message body are written as JSON escapes, which mean the same.
 */
final class CanonicalRequest {
  private CanonicalRequest() {}

  static String json(WidgetRequest request) {
    return sqsSafe(WidgetJson.toJson(request));
  }

  /** Outside strings JSON is ASCII, so every character replaced here is inside a string. */
  static String sqsSafe(String json) {
    StringBuilder safe = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean refused =
          (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
              || c == 0xFFFE
              || c == 0xFFFF
              || Character.isSurrogate(c) && !pairedAt(json, i);
      if (refused && safe == null) {
        safe = new StringBuilder(json.length() + 16).append(json, 0, i);
      }
      if (safe != null) {
        if (refused) {
          safe.append("\\u%04x".formatted((int) c));
        } else {
          safe.append(c);
        }
      }
    }
    return safe == null ? json : safe.toString();
  }

  private static boolean pairedAt(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
