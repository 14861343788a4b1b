package dev.widgetrequests.model.parse;

/** Character rules for request text. */
final class Text {
  private Text() {}

  /** True unless the text has an unpaired surrogate, which no store can write as UTF-8. */
  static boolean isValidUnicode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Valid Unicode without control (C0, DEL, C1) or format characters (e.g. U+200B, U+202E). */
  static boolean isPrintable(String text) {
    if (!isValidUnicode(text)) {
      return false;
    }
    return text.codePoints()
        .noneMatch(
            c -> {
              int type = Character.getType(c);
              return type == Character.CONTROL
                  || type == Character.FORMAT
                  || type == Character.UNASSIGNED && c >= 0xFFFE;
            });
  }
}
