package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.consumer.cli.CliErrors;
import dev.widgetrequests.consumer.cli.ConsumerCommand;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code --metrics-port} scraped while the consumer runs: the counters it serves agree with the
 * summary the consumer logs when it stops; the log itself is JSON lines with progress lines.
 */
@ExtendWith(LocalStackExtension.class)
class MetricsEndpointIT {
  private static final int VALID = 60;
  private static final int INVALID = 7;
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) applied, (\\d+) warnings, (\\d+) rejected, (\\d+) left for retry");

  @Test
  void metricsScrapedDuringARun_agreeWithTheFinalSummary(LocalStack stack) throws Exception {
    var pipeline = new Pipeline(stack);
    Map<String, String> requests = new LinkedHashMap<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < VALID + INVALID; i++) {
      requests.put("%013d-%04d".formatted(now, i), i < INVALID ? "not json " + i : create(i));
    }
    pipeline.feed(Pipeline.Path.BUCKET, requests);
    int port = freePort();
    Path log = Files.createTempFile("metrics-it", ".log");
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () ->
                consume(
                    pipeline,
                    "--metrics-port",
                    Integer.toString(port),
                    "--concurrency",
                    "2",
                    "--progress-interval",
                    "1",
                    "--log-format",
                    "json",
                    "--log-file",
                    log.toString(),
                    "--exit-when-idle",
                    "2"));
    List<String> scrapes =
        scrapeUntilDone(URI.create("http://127.0.0.1:" + port + "/metrics"), run);
    assertThat(run.get()).isZero();

    assertThat(scrapes).hasSizeGreaterThan(2);
    String last = scrapes.getLast();
    List<JsonNode> lines = jsonLines(log);
    restoreTextConsole(pipeline); // after reading: the file stays attached to the JVM's logging
    String summary =
        lines.stream()
            .map(line -> line.path("formattedMessage").asText())
            .filter(message -> message.startsWith("consumer stopped:"))
            .findFirst()
            .orElseThrow();
    Matcher counts = SUMMARY.matcher(summary);
    assertThat(counts.find()).as(summary).isTrue();
    assertThat(sum(last, "widgets_consumer_requests_total", "outcome=\"applied\""))
        .isEqualTo(Long.parseLong(counts.group(1)))
        .isEqualTo(VALID);
    assertThat(sum(last, "widgets_consumer_requests_total", "outcome=\"rejected\""))
        .isEqualTo(Long.parseLong(counts.group(3)))
        .isEqualTo(INVALID);
    assertThat(sum(last, "widgets_consumer_requests_total", "type=\"create\"")).isEqualTo(VALID);
    assertThat(sum(last, "widgets_consumer_lag_seconds_count", "")).isEqualTo(VALID + INVALID);
    assertThat(sum(last, "widgets_consumer_in_flight", "")).isZero();
    assertThat(sum(last, "widgets_aws_calls_seconds_count", "service=\"DynamoDb\""))
        .isGreaterThanOrEqualTo(VALID);
    assertThat(sum(last, "widgets_aws_calls_seconds_count", "service=\"S3\"")).isPositive();
    assertThat(lines)
        .anyMatch(line -> line.path("formattedMessage").asText().startsWith("progress: "));
  }

  private static List<String> scrapeUntilDone(URI endpoint, CompletableFuture<Integer> run)
      throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    List<String> scrapes = new ArrayList<>();
    while (!run.isDone()) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        scrapes.add(response.body());
      } catch (IOException notUpYetOrStopped) {
        // before the server starts and after it stops
      }
      Thread.sleep(100);
    }
    return scrapes;
  }

  /** The sum of every sample of {@code metric} whose labels contain {@code label}. */
  static long sum(String scrape, String metric, String label) {
    double total = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
        int space = line.lastIndexOf(' ');
        if (line.substring(0, space).contains(label)) {
          total += Double.parseDouble(line.substring(space + 1));
        }
      }
    }
    return Math.round(total);
  }

  private static List<JsonNode> jsonLines(Path log) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      JsonNode node = json.readTree(line);
      assertThat(node.isObject()).as(line).isTrue();
      lines.add(node);
    }
    return lines;
  }

  /** Logging is global to the JVM: later tests log text again. */
  private static void restoreTextConsole(Pipeline pipeline) {
    consume(pipeline, "--exit-when-idle", "0", "--log-format", "text", "--log-file", "none");
  }

  private static int consume(Pipeline pipeline, String... options) {
    List<String> args = new ArrayList<>(pipeline.endpointArgs());
    args.addAll(List.of("-rb", pipeline.requestBucket, "-dwt", pipeline.widgetTable));
    args.addAll(List.of(options));
    return CliErrors.configure(new CommandLine(new ConsumerCommand()))
        .execute(args.toArray(String[]::new));
  }

  private static String create(int i) {
    return "{\"type\":\"create\",\"requestId\":\"%s\",\"widgetId\":\"%s\",\"owner\":\"Mary Matthews\",\"label\":\"W%d\",\"description\":\"a widget\",\"otherAttributes\":[]}"
        .formatted(UUID.randomUUID(), UUID.randomUUID(), i);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
