package dev.widgetrequests.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.cli.WidgetsCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of {@code widgets bench --quick}: no thresholds, only that it measures and reports.
 */
class BenchCommandIT {

  @Test
  void quickBench_drainsEveryRequest_andPrintsTheTable() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit =
          WidgetsCommand.commandLine()
              .execute(
                  "bench",
                  "--quick",
                  "--paths",
                  "queue-dynamodb,queue-s3",
                  "--producer",
                  // reaches the consumer process: an option it did not take would end it
                  "--consumer-option=--concurrency=16");
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(output).isZero();
    assertThat(output)
        .contains("| latency | path | drainer | requests | req/s |")
        .contains("| calls/req |")
        // the consumer's row counts the calls it made
        .containsPattern(
            "\\| consumer \\| 100 \\| \\d+ \\| \\d+ \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\|"
                + " \\d+\\.\\d\\d \\|")
        .containsPattern("\\| 0 ms \\| queue → DynamoDB \\| consumer \\| 100 \\| \\d+ \\|")
        .containsPattern("\\| 0 ms \\| queue → DynamoDB \\| one-at-a-time \\| 20 \\|")
        .containsPattern("\\| 0 ms \\| queue → DynamoDB \\| raw ceiling \\| 100 \\|")
        // every request's write was made (at least one call each) and none was refused
        .containsPattern(
            "\\| queue → DynamoDB \\| raw ceiling \\| 100 \\| \\d+ \\| \\d+ \\| \\d+ \\| [\\d.]+ \\| — \\|"
                + " [1-9]\\d*\\.\\d\\d \\| — \\| — \\| — \\|  \\|")
        // the same loops in a process of their own: every write made, its memory and CPU sampled
        .containsPattern(
            "\\| queue → DynamoDB \\| raw ceiling, C1 process \\| 100 \\| \\d+ \\| \\d+ \\| \\d+ \\|"
                + " [\\d.]+ \\| [\\d.]+ \\| [1-9]\\d*\\.\\d\\d \\| \\d+ \\| \\d+\\.\\d\\d \\|")
        .containsPattern("\\| 0 ms \\| queue → S3 \\| raw ceiling, C1 process \\| 100 \\|")
        .containsPattern("\\| 0 ms \\| queue → DynamoDB \\| plain writes \\| 100 \\|")
        // the store's three calls (state, widget object, check) for every request
        .containsPattern(
            "\\| queue → S3 \\| raw ceiling \\| 100 \\| \\d+ \\| \\d+ \\| \\d+ \\| [\\d.]+ \\| — \\|"
                + " [3-9]\\.\\d\\d \\| — \\| — \\| — \\|  \\|")
        .containsPattern("\\| 0 ms \\| queue → S3 \\| plain writes \\| 100 \\|")
        .containsPattern("0 ms producer: \\d+ req/s; bare SDK batch sends: \\d+ req/s")
        .contains("| producer (-ird 0) req/s |");
  }
}
