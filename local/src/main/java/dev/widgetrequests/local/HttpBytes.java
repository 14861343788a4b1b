package dev.widgetrequests.local;

import java.nio.charset.StandardCharsets;

/**
 * The little HTTP/1.1 a {@link ForwardedConnection} reads from the bytes it forwards: where a
 * request's head ends, whether an answer is only an interim {@code 1xx}, and the {@code Expect:
 * 100-continue} header it answers itself.
 */
final class HttpBytes {
  static final byte[] CONTINUE = ascii("HTTP/1.1 100 Continue\r\n\r\n");

  private static final byte[] INTERIM = ascii("HTTP/1.1 1");
  private static final byte[] EXPECT = ascii("\r\nexpect:");
  private static final byte[] CONTENT_LENGTH = ascii("\r\ncontent-length:");
  private static final byte[] HUNDRED_CONTINUE = ascii("100-continue");

  /** Same length as {@code Expect}, so the head keeps its length; servers ignore the header. */
  private static final byte[] RENAMED = ascii("X-Expt");

  private HttpBytes() {}

  /** Whether the bytes are exactly one interim (1xx) response head and nothing more. */
  static boolean interimOnly(byte[] bytes, int length) {
    return length >= INTERIM.length
        && regionMatches(bytes, 0, INTERIM)
        && headEnd(bytes, length) == length;
  }

  /**
   * When the request head at the start of {@code bytes} asks {@code Expect: 100-continue}, renames
   * that header (in place) and returns true: the caller then answers {@code 100 Continue} itself.
   * S3Proxy answers 100 at once but may then reject the request before reading its body; Jetty then
   * closes the connection while the client sends the body, and the client's next call on it fails.
   * Sent at once with its head, the body has arrived by then and the connection lives on.
   */
  static boolean takeExpectContinue(byte[] bytes, int length) {
    int end = headEnd(bytes, length);
    if (end < 0) {
      return false; // the head is longer than this read: leave it to the server
    }
    for (int i = 0; i + EXPECT.length <= end; i++) {
      if (regionMatches(bytes, i, EXPECT)) {
        int value = i + EXPECT.length;
        while (value < end && bytes[value] == ' ') {
          value++;
        }
        if (value + HUNDRED_CONTINUE.length <= end
            && regionMatches(bytes, value, HUNDRED_CONTINUE)) {
          System.arraycopy(RENAMED, 0, bytes, i + 2, RENAMED.length);
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The length of the whole request that starts {@code bytes}, head and body, when the head is all
   * there and gives a {@code Content-Length}; else -1.
   */
  static long requestLength(byte[] bytes, int length) {
    int end = headEnd(bytes, length);
    for (int i = 0; end > 0 && i + CONTENT_LENGTH.length <= end; i++) {
      if (regionMatches(bytes, i, CONTENT_LENGTH)) {
        long value = 0;
        int digit = i + CONTENT_LENGTH.length;
        while (digit < end && bytes[digit] == ' ') {
          digit++;
        }
        for (; digit < end && bytes[digit] >= '0' && bytes[digit] <= '9'; digit++) {
          value = value * 10 + (bytes[digit] - '0');
          if (value > Integer.MAX_VALUE) {
            return -1;
          }
        }
        return end + value;
      }
    }
    return -1;
  }

  /** The index just past the first {@code \r\n\r\n}, or -1 when there is none. */
  static int headEnd(byte[] bytes, int length) {
    for (int i = 0; i + 4 <= length; i++) {
      if (bytes[i] == '\r'
          && bytes[i + 1] == '\n'
          && bytes[i + 2] == '\r'
          && bytes[i + 3] == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  /** Whether {@code bytes} at {@code offset} hold {@code expected}, ignoring ASCII case. */
  private static boolean regionMatches(byte[] bytes, int offset, byte[] expected) {
    for (int i = 0; i < expected.length; i++) {
      if (Character.toLowerCase(bytes[offset + i]) != Character.toLowerCase(expected[i])) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
