package dev.widgetrequests.aws.source.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the object key of an S3 event notification, which S3 sends form-encoded ({@code %XX}
 * escapes of UTF-8 bytes, {@code +} for a space). Strict where {@link java.net.URLDecoder} throws
 * or guesses: a malformed escape or bytes that are not UTF-8 are a reason, never an exception.
 */
final class EventKeys {

  /** What a key decodes to. */
  sealed interface Result {}

  record Decoded(String key) implements Result {}

  record Malformed(String reason) implements Result {}

  private EventKeys() {}

  static Result decode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 1 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
        int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
        if (high < 0 || low < 0) {
          return new Malformed(
              "S3 event object key has a malformed %-escape at character "
                  + i
                  + ": "
                  + shown(encoded));
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      String key =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      return new Decoded(key);
    } catch (CharacterCodingException notUtf8) {
      return new Malformed("S3 event object key is not UTF-8 once decoded: " + shown(encoded));
    }
  }

  private static String shown(String key) {
    return key.length() <= 200 ? key : key.substring(0, 200) + "... (" + key.length() + " chars)";
  }
}
