package dev.widgetrequests.model.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The largest request message, one setting for every part (docs/design/request-format.md): the
 * largest request body the handler takes (larger is 413) and the consumer reads, inline or from an
 * object, and the largest message the producer sends inline (a larger request goes by claim check).
 * SQS takes 256 KiB by default and up to 1 MiB when the queue's {@code MaximumMessageSize} says so.
 *
 * @param bytes the largest body, in UTF-8 bytes
 */
public record MessageSize(int bytes) {
  /** The environment variable every process reads the setting from. */
  public static final String VARIABLE = "WIDGETS_MAX_MESSAGE_BYTES";

  /** SQS's default message size, 256 KiB. */
  public static final int DEFAULT_BYTES = 256 * 1024;

  /** SQS's largest message size, 1 MiB. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** SQS's smallest {@code MaximumMessageSize}, 1 KiB. */
  public static final int MIN_BYTES = 1024;

  public static final MessageSize DEFAULT = new MessageSize(DEFAULT_BYTES);

  private static final Pattern SIZE =
      Pattern.compile("(\\d{1,9})\\s*(|b|kib|mib)", Pattern.CASE_INSENSITIVE);

  public MessageSize {
    if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
      throw new ConfigurationException(
          "message size %d bytes is out of range: give %d (1 KiB) to %d (1 MiB) bytes"
              .formatted(bytes, MIN_BYTES, MAX_BYTES));
    }
  }

  /**
   * Reads a size such as {@code 262144}, {@code 256KiB} or {@code 1MiB}.
   *
   * @param where what the text came from (an option or a variable), for the error message
   * @throws ConfigurationException when the text is no size, or one out of range
   */
  public static MessageSize parse(String text, String where) {
    Matcher size = SIZE.matcher(text.strip());
    if (!size.matches()) {
      throw new ConfigurationException(
          "%s '%s' is not a size: give bytes (262144) or KiB / MiB (256KiB, 1MiB)"
              .formatted(where, text));
    }
    long bytes = Long.parseLong(size.group(1));
    bytes *=
        switch (size.group(2).toLowerCase(Locale.ROOT)) {
          case "kib" -> 1024;
          case "mib" -> 1024 * 1024;
          default -> 1;
        };
    if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
      throw new ConfigurationException(
          "%s '%s' is out of range: give 1KiB to 1MiB (SQS's limits)".formatted(where, text));
    }
    return new MessageSize((int) bytes);
  }

  /** The size {@value #VARIABLE} gives, or the default when it is unset or blank. */
  public static MessageSize fromEnvironment(Map<String, String> environment) {
    String text = environment.get(VARIABLE);
    return text == null || text.isBlank() ? DEFAULT : parse(text, VARIABLE);
  }

  @Override
  public String toString() {
    return bytes % (1024 * 1024) == 0
        ? bytes / (1024 * 1024) + " MiB"
        : bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
  }
}
