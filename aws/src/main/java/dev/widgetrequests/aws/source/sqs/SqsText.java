package dev.widgetrequests.aws.source.sqs;

/**
 * The characters SQS takes in a message body or a String attribute: tab, line feed, carriage
 * return, and U+0020 to U+10FFFF without surrogates, U+FFFE and U+FFFF. A send with any other
 * character fails, so text that may hold one (a reason naming a hostile key, a dead letter's body)
 * is checked or cleaned first.
 */
final class SqsText {
  private SqsText() {}

  static boolean isSafe(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!allowed(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /** {@code text} with every character SQS refuses replaced by U+FFFD. */
  static String clean(String text) {
    if (isSafe(text)) {
      return text;
    }
    StringBuilder cleaned = new StringBuilder(text.length());
    text.codePoints().forEach(c -> cleaned.appendCodePoint(allowed(c) ? c : 0xFFFD));
    return cleaned.toString();
  }

  private static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
