package dev.widgetrequests.cli.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the consumer's log file as it grows: when the consumer started, and when each request was
 * handled (its one line per request: applied, warning or rejected).
 */
final class LogTail {
  private static final Pattern HANDLED =
      Pattern.compile("^(\\S+) .* - (?:applied|warning|rejected) .*?requestId=(\\S+)");

  private final Path file;
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
    if (line.contains("consumer started")) {
      started = true;
    }
    Matcher matcher = HANDLED.matcher(line);
    if (matcher.find()) {
      long at = OffsetDateTime.parse(matcher.group(1)).toInstant().toEpochMilli();
      handled++;
      lastHandledMillis = Math.max(lastHandledMillis, at);
      handledMillis.put(matcher.group(2), at);
    }
  }

  boolean started() {
    return started;
  }

  int handled() {
    return handled;
  }

  long lastHandledMillis() {
    return lastHandledMillis;
  }

  /** When each request id was last handled. */
  Map<String, Long> handledMillis() {
    return handledMillis;
  }
}
