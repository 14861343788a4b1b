package dev.widgetrequests.aws.source.s3;

import java.util.Map;

/** How a rejected request is kept: its reason and origin as S3 user metadata. */
final class RejectedObjects {
  /** S3 allows 2 KB of user metadata in all; keep the reason well inside it. */
  private static final int MAX_REASON_CHARS = 1500;

  private RejectedObjects() {}

  static Map<String, String> metadata(String originalKey, String reason) {
    return Map.of(
        "rejection-reason", headerSafe(reason, MAX_REASON_CHARS),
        "original-key", headerSafe(originalKey, 300));
  }

  /** The smallest key greater than every key under {@code prefix}. */
  static String upperBound(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  /** Metadata travels as HTTP headers: printable ASCII only. */
  static String headerSafe(String text, int maxChars) {
    StringBuilder safe = new StringBuilder(Math.min(text.length(), maxChars));
    for (int i = 0; i < text.length() && safe.length() < maxChars; i++) {
      char c = text.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return safe.toString();
  }
}
