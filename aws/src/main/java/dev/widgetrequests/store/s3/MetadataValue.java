package dev.widgetrequests.store.s3;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * Makes bookkeeping values safe as S3 user metadata, which travels in HTTP headers. Request ids
 * come from producers and may hold any text; a value a header cannot carry, or one that pushes the
 * metadata past S3's 2 KB limit, would fail every retry of the request, so such values are
 * shortened and encoded instead.
 */
final class MetadataValue {
  /** Keeps two values, even fully encoded, well inside S3's 2 KB of user metadata. */
  static final int MAX_CHARACTERS = 150;

  /** Fixed width (always milliseconds), so string order is time order. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private MetadataValue() {}

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2021-02-02T22:52:48.338Z}. */
  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /**
   * The value itself when it is printable ASCII, otherwise its RFC 2047 encoded-word ({@code
   * =?UTF-8?B?…?=}), the form S3 itself uses for non-ASCII metadata.
   */
  static String of(String value) {
    String shortened = shorten(value);
    if (shortened.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return shortened;
    }
    byte[] utf8 = shortened.getBytes(StandardCharsets.UTF_8);
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(utf8) + "?=";
  }

  private static String shorten(String value) {
    if (value.codePointCount(0, value.length()) <= MAX_CHARACTERS) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_CHARACTERS));
  }
}
