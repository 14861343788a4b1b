package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

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
          new CommandLine(new BenchCommand())
              .execute(
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
        .contains("| calls/req SQS · S3 · DynamoDB | WCU/req | RCU/req | $/M requests |")
        .contains(BenchTable.NOTE)
        // the consumer, counted from its metrics: every request, its memory and CPU, its calls,
        // its write units computed by the stack and those dynalite returned (the table's)
        .containsPattern(
            row("queue → DynamoDB", "consumer", 100)
                + " [\\d.]+ \\| [\\d.]+ \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\|"
                + " [\\d.]+ · 0\\.00 · (?!0\\.00)[\\d.]+ \\| (?!0\\.00)[\\d.]+ \\| [\\d.]+ \\|"
                + " (?!0\\.00)[\\d.]+ \\| [\\d.]+ \\| server-returned table write units/req (?!0\\.00)[\\d.]+")
        // the baseline is the reference: no ratio to itself (its sample stops at 5 s, under load
        // before its 20 requests)
        .containsPattern(
            row("queue → DynamoDB", "one-at-a-time", "\\d+")
                + " — \\| [\\d.]+ \\| — \\| — \\| — \\| (?!0\\.00)[\\d.]+ · 0\\.00 · (?!0\\.00)[\\d.]+ \\|"
                + " (?!0\\.00)[\\d.]+ \\| (?!0\\.00)[\\d.]+ \\| (?!0\\.00)[\\d.]+ \\| — \\|")
        // every request's write was made (at least one call each) and none was refused
        .containsPattern(
            row("queue → DynamoDB", "raw ceiling", 100)
                + " [\\d.]+ \\| — \\| — \\| — \\| — \\| [\\d.]+ · 0\\.00 · (?!0\\.00)[\\d.]+ \\|"
                + " (?!0\\.00)[\\d.]+ \\| 0\\.00 \\| (?!0\\.00)[\\d.]+ \\| [\\d.]+ \\|  \\|")
        // the same loops in a process of their own: every write made, its memory and CPU sampled
        .containsPattern(
            row("queue → DynamoDB", "raw ceiling, C1 process", 100)
                + " [\\d.]+ \\| [\\d.]+ \\| \\d+ \\| \\d+\\.\\d\\d \\|")
        .containsPattern(row("queue → DynamoDB", "plain writes", 100))
        // the S3 store's calls: S3 requests, no DynamoDB
        .containsPattern(
            row("queue → S3", "consumer", 100)
                + " [\\d.]+ \\| [\\d.]+ \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\|"
                + " [\\d.]+ · (?!0\\.00)[\\d.]+ · 0\\.00 \\| 0\\.00 \\| 0\\.00 \\| (?!0\\.00)[\\d.]+ \\|")
        // the store's calls: at least one S3 call for every request
        .containsPattern(
            row("queue → S3", "raw ceiling", 100)
                + " [\\d.]+ \\| — \\| — \\| — \\| — \\| [\\d.]+ · (?!0\\.00)[\\d.]+ · 0\\.00 \\|")
        .containsPattern(row("queue → S3", "raw ceiling, C1 process", 100))
        .containsPattern(row("queue → S3", "plain writes", 100))
        .containsPattern("0 ms producer: \\d+ req/s; bare SDK batch sends: \\d+ req/s")
        .contains("| producer (-ird 0) req/s |");
  }

  /**
   * A row's start up to its ratio to the baseline: latency, path, drainer, requests, req/s, p50,
   * p99.
   */
  private static String row(String path, String drainer, Object requests) {
    return "\\| 0 ms \\| "
        + path
        + " \\| "
        + drainer
        + " \\| "
        + requests
        + " \\| \\d+ \\| \\d+ \\| \\d+ \\|";
  }
}
