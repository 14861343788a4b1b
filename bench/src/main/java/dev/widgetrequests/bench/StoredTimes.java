package dev.widgetrequests.bench;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each widget's request was stored, read from the consumer's log file: it writes a line per
 * request once the store has answered, stamped to the millisecond ({@code 2026-12-07T05:40:01.123Z
 * INFO [thread] d.w.c.requests - applied create requestId=… widgetId=… from …}). A request that
 * changed the widget is {@code applied}, or stored with a {@code warning}.
 */
final class StoredTimes {
  private static final Pattern STORED =
      Pattern.compile("^(\\S+) .* - (?:applied|warning) +\\w+ requestId=\\S+ widgetId=(\\S+) ");

  private StoredTimes() {}

  /** The earliest stored time of each of {@code widgetIds} found, in epoch milliseconds. */
  static Map<String, Long> of(List<String> logLines, Set<String> widgetIds) {
    Map<String, Long> stored = new HashMap<>();
    for (String line : logLines) {
      Matcher m = STORED.matcher(line);
      if (!m.find() || !widgetIds.contains(m.group(2))) {
        continue;
      }
      try {
        long at = OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli();
        stored.merge(m.group(2), at, Math::min);
      } catch (DateTimeParseException notAStamp) {
        // a line of another layout: not the consumer's request line
      }
    }
    return stored;
  }

  /**
   * The time from {@code startMillis} until the last of {@code widgetIds} was stored; empty unless
   * every one of them was.
   */
  static OptionalLong allStoredAfter(
      List<String> logLines, Set<String> widgetIds, long startMillis) {
    Map<String, Long> stored = of(logLines, widgetIds);
    if (stored.size() < widgetIds.size()) {
      return OptionalLong.empty();
    }
    long last = stored.values().stream().mapToLong(Long::longValue).max().orElse(startMillis);
    return OptionalLong.of(last - startMillis);
  }
}
