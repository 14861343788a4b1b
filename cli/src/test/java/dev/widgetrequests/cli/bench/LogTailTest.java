package dev.widgetrequests.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  private static final String STARTED =
      "2026-12-02T13:41:01.132Z INFO  [main] d.w.c.c.ConsumerCommand - consumer started: q ->"
          + " DynamoDB table t (128 in flight at most)\n";

  @TempDir Path dir;

  @Test
  void read_countsRequestLinesAsTheyCome_andGivesTheirTimesAfterwards() throws IOException {
    Path log = dir.resolve("consumer.log");
    LogTail tail = new LogTail(log);
    tail.read(); // no file yet

    append(
        log,
        STARTED
            + line("2026-12-02T13:41:01.532Z", "applied  create", "r1")
            + "2026-12-02T13:41:01.600Z WARN  [poll-0] d.w.s.SqsRequestSource - message m1: it"
            + " stays in the queue; applied nothing\n"
            + line("2026-12-02T13:41:01.700Z", "rejected", "r2")
            // not yet a whole line
            + "2026-12-02T13:41:01.800Z INFO  [virtual-3] d.w.consumer.requests - warn");
    tail.read();

    assertThat(tail.started()).isTrue();
    assertThat(tail.handled()).isEqualTo(2);

    append(log, "ing  update requestId=r3 widgetId=w1 from m3\n");
    tail.read();

    assertThat(tail.handled()).isEqualTo(3);
    assertThat(tail.handledMillis())
        .containsOnlyKeys("r1", "r2", "r3")
        .containsEntry("r1", millis("2026-12-02T13:41:01.532Z"))
        .containsEntry("r3", millis("2026-12-02T13:41:01.800Z"));
    assertThat(tail.lastHandledMillis()).isEqualTo(millis("2026-12-02T13:41:01.800Z"));
  }

  @Test
  void started_waitsForTheConsumersStartLine() throws IOException {
    Path log = dir.resolve("consumer.log");
    LogTail tail = new LogTail(log);
    append(log, "2026-12-02T13:41:00.000Z INFO  [main] d.w.c.c.ConsumerCommand - checking\n");
    tail.read();

    assertThat(tail.started()).isFalse();
    assertThat(tail.handled()).isZero();
  }

  private static String line(String at, String outcome, String requestId) {
    return at
        + " INFO  [virtual-1] d.w.consumer.requests - "
        + outcome
        + " requestId="
        + requestId
        + " widgetId=w1 from m1\n";
  }

  private static void append(Path log, String text) throws IOException {
    Files.writeString(
        log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static long millis(String at) {
    return Instant.parse(at).toEpochMilli();
  }
}
