package dev.widgetrequests.cli.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the consumer's log file as it grows: when the consumer started, and when each request was
 * handled (its one line per request: applied, warning or rejected).
 *
 * <p>It runs beside the measured consumer on the same cores, so while the drain goes on it only
 * counts the request lines; their times and request ids are parsed when asked for, after it.
 * (Parsed as they came, the regular expression and the timestamp parsing got hot just after the
 * warm-up, and their C2 compilations took up to a second of a core in the middle of the measured
 * drain.)
 */
final class LogTail {
  private static final Pattern HANDLED =
      Pattern.compile("^(\\S+) .* - (?:applied|warning|rejected) .*?requestId=(\\S+)");

  private final Path file;
  private final List<String> unparsed = new ArrayList<>();
  private final Map<String, Long> handledMillis = new HashMap<>();
  private long offset;
  private int handled;
  private long lastHandledMillis;
  private boolean started;
  private String partial = "";

  LogTail(Path file) {
    this.file = file;
  }

  void read() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      if (length <= offset) {
        return;
      }
      byte[] bytes = new byte[(int) (length - offset)];
      in.seek(offset);
      in.readFully(bytes);
      offset = length;
      String text = partial + new String(bytes, StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      partial = text.substring(end + 1);
      for (String line : text.substring(0, end + 1).split("\n")) {
        line(line);
      }
    }
  }

  private void line(String line) {
    if (isHandled(line)) {
      handled++;
      unparsed.add(line);
    } else if (!started && line.contains("consumer started")) {
      started = true;
    }
  }

  /** The message part begins with the outcome: {@code ... logger - applied create ...}. */
  private static boolean isHandled(String line) {
    int message = line.indexOf(" - ") + 3;
    return message > 2
        && (line.startsWith("applied ", message)
            || line.startsWith("warning ", message)
            || line.startsWith("rejected ", message));
  }

  private void parse() {
    for (String line : unparsed) {
      Matcher matcher = HANDLED.matcher(line);
      if (matcher.find()) {
        long at = OffsetDateTime.parse(matcher.group(1)).toInstant().toEpochMilli();
        lastHandledMillis = Math.max(lastHandledMillis, at);
        handledMillis.put(matcher.group(2), at);
      }
    }
    unparsed.clear();
  }

  boolean started() {
    return started;
  }

  int handled() {
    return handled;
  }

  long lastHandledMillis() {
    parse();
    return lastHandledMillis;
  }

  /** When each request id was last handled. */
  Map<String, Long> handledMillis() {
    parse();
    return handledMillis;
  }
}
