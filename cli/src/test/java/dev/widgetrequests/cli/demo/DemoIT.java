package dev.widgetrequests.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackPorts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end on a stack of its own, its summary checked against the stores. */
class DemoIT {

  @Test
  void demo_passesItsChecks_andItsSummaryMatchesTheStores(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
    try (LocalStack stack = LocalStack.start(LocalStackPorts.RANDOM)) {
      int exit = new DemoRunner(15, 42, 8, dir.resolve("demo.log"), out).run(stack);
      String summary = captured.toString(StandardCharsets.UTF_8);

      assertThat(exit).as(summary).isZero();
      assertThat(summary).contains("Checks passed");
      Matcher stored =
          Pattern.compile("Widgets stored: (\\d+) in S3, (\\d+) in DynamoDB").matcher(summary);
      assertThat(stored.find()).as(summary).isTrue();
      long objects =
          stack
              .s3()
              .listObjectsV2Paginator(r -> r.bucket("widgets").prefix("widgets/"))
              .contents()
              .stream()
              .count();
      // Live items only: a deleted widget's item stays as a tombstone.
      long items =
          stack
              .dynamoDb()
              .scanPaginator(
                  r ->
                      r.tableName("widgets").filterExpression("attribute_not_exists(wr_tombstone)"))
              .items()
              .stream()
              .count();
      assertThat(Long.parseLong(stored.group(1))).isEqualTo(objects).isPositive();
      assertThat(Long.parseLong(stored.group(2))).isEqualTo(items);
      // 4 paths x 15 requests + 2 bad bucket requests per round, read from bucket and queue; two
      // consumers sharing the bucket may both take the same object (the stores apply it once)
      Matcher handled = Pattern.compile("(?m)^  (S3|DynamoDB) +(\\d+) ").matcher(summary);
      int rounds = 0;
      while (handled.find()) {
        assertThat(Integer.parseInt(handled.group(2))).isBetween(4 * 15 + 2, 4 * 15 + 2 + 15 + 2);
        rounds++;
      }
      assertThat(rounds).isEqualTo(2);
      long rejected =
          stack
              .s3()
              .listObjectsV2Paginator(r -> r.bucket("widget-requests").prefix("rejected/"))
              .contents()
              .stream()
              .count();
      assertThat(rejected).isEqualTo(4);
      assertThat(Files.readString(dir.resolve("demo.log"))).contains("applied", "rejected");
    }
  }
}
