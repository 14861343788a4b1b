package dev.widgetrequests.model.fold;

import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.json.WidgetJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A history as a store keeps it beside its widget, so that the widget is stored once
 * (docs/design/stores.md): the {@link HistoryJson} text without a base that equals the widget,
 * deflated with the widget's own JSON as preset dictionary. What a history repeats of its widget
 * (the create that made it, the values its updates set) then costs a few bytes of back-reference,
 * not a second copy; field names come from a fixed vocabulary in the dictionary too.
 *
 * <p>Bytes: a format byte ({@value #FORMAT}), then a zlib stream whose header names the
 * dictionary's checksum, so a history read against another widget than it was written with fails
 * loudly instead of giving a wrong history.
 */
public final class StoredHistory {
  static final byte FORMAT = 1;

  /**
   * zlib's fastest level: on a history of 64 requests (18 KB of JSON) it writes 1.9 KB in 57 µs
   * where the best level writes 1.7 KB in 500 µs, once per write, on the consumer's hot path
   * (docs/decisions/history-stored-once.md).
   */
  private static final int LEVEL = Deflater.BEST_SPEED;

  private static final byte[] VOCABULARY =
      ("{\"basePosition\":\"\",\"baseIsWidget\":true,\"base\":{\"id\":\"\",\"owner\":\"\","
              + "\"label\":\"\",\"description\":\"\",\"otherAttributes\":[{\"name\":\"\","
              + "\"value\":\"\"}]},\"requests\":[{\"key\":\"\",\"request\":{\"type\":\"delete\","
              + "\"requestId\":\"\",\"widgetId\":\"\",\"owner\":\"\"}},{\"key\":\"\",\"request\":"
              + "{\"type\":\"update\",\"requestId\":\"\",\"widgetId\":\"\",\"owner\":\"\"}},"
              + "{\"key\":\"\",\"request\":{\"type\":\"create\",\"requestId\":\"\","
              + "\"widgetId\":\"\",\"owner\":\"\",\"label\":\"\",\"description\":\"\","
              + "\"otherAttributes\":[{\"name\":\"\",\"value\":\"\"}]}}]}")
          .getBytes(StandardCharsets.UTF_8);

  private StoredHistory() {}

  /**
   * @param widget the widget the history gives, stored beside it; {@code null} when there is none
   */
  public static byte[] encode(WidgetHistory history, Widget widget) {
    byte[] json = HistoryJson.toJson(history, widget).getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(LEVEL);
    try {
      deflater.setDictionary(dictionary(widget));
      deflater.setInput(json);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 2 + 64);
      out.write(FORMAT);
      byte[] buffer = new byte[Math.max(256, json.length + 64)];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /**
   * @param widget the widget stored beside the bytes, exactly as when they were written
   * @throws IllegalArgumentException when the bytes are no stored history of this widget
   */
  public static WidgetHistory decode(byte[] bytes, Widget widget) {
    if (bytes.length < 2 || bytes[0] != FORMAT) {
      throw new IllegalArgumentException("not a stored history (format byte)");
    }
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(bytes, 1, bytes.length - 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buffer = new byte[Math.max(1024, bytes.length * 4)];
      while (!inflater.finished()) {
        int inflated = inflater.inflate(buffer);
        if (inflated == 0 && inflater.needsDictionary()) {
          inflater.setDictionary(dictionary(widget));
        } else if (inflated == 0 && (inflater.needsInput() || inflater.finished())) {
          break;
        }
        out.write(buffer, 0, inflated);
      }
      if (!inflater.finished()) {
        throw new IllegalArgumentException("stored history is cut short");
      }
      return HistoryJson.fromJson(out.toString(StandardCharsets.UTF_8), widget);
    } catch (DataFormatException | IllegalArgumentException broken) {
      throw new IllegalArgumentException(
          "stored history does not read against its widget: " + broken.getMessage(), broken);
    } finally {
      inflater.end();
    }
  }

  /** The vocabulary, then the widget: deflate reaches nearer bytes with shorter codes. */
  private static byte[] dictionary(Widget widget) {
    if (widget == null) {
      return VOCABULARY;
    }
    byte[] own = WidgetJson.toJson(widget).getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[VOCABULARY.length + own.length];
    System.arraycopy(VOCABULARY, 0, both, 0, VOCABULARY.length);
    System.arraycopy(own, 0, both, VOCABULARY.length, own.length);
    return both;
  }
}
