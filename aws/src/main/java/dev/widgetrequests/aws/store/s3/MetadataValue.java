package dev.widgetrequests.aws.store.s3;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes bookkeeping values safe as S3 user metadata, which travels in HTTP headers and may take 2
 * KB in all (UTF-8 bytes of every key and value: see docs/decisions/s3-store-writes.md). Request
 * ids, positions and order keys come from senders and may hold any text of any length; a value a
 * header cannot carry, or one that pushes the metadata past the limit, would fail every retry of
 * the request. So every value is bounded by the bytes it takes as sent, {@value #MAX_BYTES} at
 * most: non-ASCII text is encoded, and a longer value keeps its start and ends in {@value #MARKER}
 * and a hash of the whole, so two long values that share their start stay apart.
 */
final class MetadataValue {
  /** The most bytes one value takes as sent: the store's four values stay under 1 KB together. */
  static final int MAX_BYTES = 256;

  /** Ends a shortened value, before the hash of the whole value. */
  static final String MARKER = "~#";

  private static final int HASH_HEX_DIGITS = 16;
  private static final String WORD_START = "=?UTF-8?B?";
  private static final String WORD_END = "?=";

  /** The most UTF-8 bytes an encoded-word of {@link #MAX_BYTES} carries (base64: 3 per 4). */
  private static final int MAX_ENCODED_BYTES =
      (MAX_BYTES - WORD_START.length() - WORD_END.length()) / 4 * 3;

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
   * =?UTF-8?B?…?=}), the form S3 itself uses for non-ASCII metadata; shortened with a marker and
   * hash when it would take more than {@value #MAX_BYTES} bytes.
   */
  static String of(String value) {
    if (printableAscii(value)) {
      return value.length() <= MAX_BYTES ? value : shortened(value, MAX_BYTES);
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    String text = utf8.length <= MAX_ENCODED_BYTES ? value : shortened(value, MAX_ENCODED_BYTES);
    return WORD_START
        + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + WORD_END;
  }

  /** The longest start of the value, on a code point boundary, then the marker and its hash. */
  private static String shortened(String value, int maxBytes) {
    String tail = MARKER + hash(value);
    int room = maxBytes - tail.length();
    int end = 0;
    int bytes = 0;
    while (end < value.length()) {
      int codePoint = value.codePointAt(end);
      int size = utf8Bytes(codePoint);
      if (bytes + size > room) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return value.substring(0, end) + tail;
  }

  private static String hash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(Arrays.copyOf(digest, HASH_HEX_DIGITS / 2));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static boolean printableAscii(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  private static int utf8Bytes(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
