package dev.widgetrequests.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.cli.WidgetsCommand;
import dev.widgetrequests.lambda.WidgetRequestHandler;
import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.local.QueuePair;
import dev.widgetrequests.local.dashboard.CallCounts;
import dev.widgetrequests.local.dashboard.Dashboard;
import dev.widgetrequests.local.dashboard.DashboardSources;
import dev.widgetrequests.local.http.ApiGatewayServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium}) driven by
 * playwright-core from {@code browser-test/}. The page must show the queue rise and fall, the
 * applied count grow and the dead letters with their reason while requests flow through a real
 * consumer; a dead page or a stale number fails it.
 */
@ExtendWith(LocalStackExtension.class)
class DashboardBrowserIT {
  private static final Path SCRIPTS = Path.of("browser-test");
  private static final Path SCREENSHOT = Path.of("target", "dashboard.png");
  private static final int VALID = 40;
  private static final List<String> INVALID =
      List.of("this is not JSON", "[1,2,3]", "{\"type\":\"create\"}");

  @Test
  void dashboard_showsQueueRiseAndFall_appliedCountGrow_andDeadLettersWithReasons(LocalStack stack)
      throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("headless Chromium (apt-get install -y chromium; .ci/run installs it)")
        .exists();
    installPlaywright();
    QueuePair queue = stack.createQueueWithDeadLetter(stack.uniqueName("dashboard"));
    String requestBucket = stack.createBucket(stack.uniqueName("requests"));
    String widgetBucket = stack.createBucket(stack.uniqueName("widgets"));
    String table = stack.createWidgetTable(stack.uniqueName("widgets"), "id");
    int metricsPort = freePort();
    var sources =
        new DashboardSources(
            stack.sqs(),
            stack.s3(),
            stack.dynamoDb(),
            queue.queueUrl(),
            queue.deadLetterQueueUrl(),
            requestBucket,
            widgetBucket,
            table,
            List.of(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")),
            CallCounts.NONE,
            Duration.ofMillis(500));
    var handler = new WidgetRequestHandler(new SqsRequestQueue(stack.sqs(), queue.queueUrl()));
    try (ApiGatewayServer server = new ApiGatewayServer(handler, 0);
        Dashboard dashboard = Dashboard.start(sources)) {
      server.serveOtherPaths(dashboard);
      Files.createDirectories(SCREENSHOT.getParent());
      Process browser =
          new ProcessBuilder(
                  "node",
                  "dashboard-test.mjs",
                  "http://127.0.0.1:" + server.port() + "/",
                  SCREENSHOT.toAbsolutePath().toString(),
                  Integer.toString(VALID + INVALID.size()),
                  Integer.toString(INVALID.size()),
                  "not valid JSON")
              .directory(SCRIPTS.toFile())
              .redirectErrorStream(true)
              .start();
      List<String> said = new ArrayList<>();
      CompletableFuture<Integer> consumer = null;
      try (var lines =
          new BufferedReader(
              new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          said.add(line);
          if (line.equals("READY")) {
            send(stack, queue.queueUrl());
          } else if (line.equals("ROSE")) {
            consumer =
                CompletableFuture.supplyAsync(() -> consume(stack, queue, table, metricsPort));
          }
        }
      }
      assertThat(browser.waitFor(3, TimeUnit.MINUTES)).isTrue();
      assertThat(browser.exitValue()).as(String.join("\n", said)).isZero();
      assertThat(said).contains("READY", "ROSE", "DONE");
      assertThat(consumer).isNotNull();
      assertThat(consumer.get(1, TimeUnit.MINUTES)).isZero();
      assertThat(SCREENSHOT).isNotEmptyFile();
    }
  }

  private static void send(LocalStack stack, String queueUrl) {
    for (int i = 0; i < VALID; i++) {
      String body =
          "{\"type\":\"create\",\"requestId\":\"%s\",\"widgetId\":\"%s\",\"owner\":\"Mary Matthews\",\"label\":\"W%d\",\"description\":\"a widget\",\"otherAttributes\":[]}"
              .formatted(UUID.randomUUID(), UUID.randomUUID(), i);
      stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }
    INVALID.forEach(body -> stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(body)));
  }

  private static int consume(LocalStack stack, QueuePair queue, String table, int metricsPort) {
    return WidgetsCommand.commandLine()
        .execute(
            "consumer",
            "-rq",
            queue.queueUrl(),
            "-dwt",
            table,
            "--endpoint-url-s3",
            stack.s3Endpoint().toString(),
            "--endpoint-url-sqs",
            stack.sqsEndpoint().toString(),
            "--endpoint-url-dynamodb",
            stack.dynamoDbEndpoint().toString(),
            "--metrics-port",
            Integer.toString(metricsPort),
            "--concurrency",
            "2", // slow enough for the page to see requests in flight
            "-qwt",
            "1",
            "--exit-when-idle",
            "4",
            "--log-file",
            "none");
  }

  /** {@code npm ci} once: playwright-core at the version the lock file pins. */
  private static void installPlaywright() throws IOException, InterruptedException {
    if (Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
      return;
    }
    // Not inheritIO: Node.js makes an inherited stdin non-blocking, and the test JVM's stdin is
    // Surefire's command channel, which then fails ("std/in stream corrupted") and the fork dies.
    Process npm =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(SCRIPTS.toFile())
            .redirectErrorStream(true)
            .start();
    npm.getOutputStream().close();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(npm.getInputStream(), StandardCharsets.UTF_8))) {
      lines.lines().forEach(line -> System.out.println("npm: " + line));
    }
    assertThat(npm.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(npm.exitValue()).as("npm ci in " + SCRIPTS.toAbsolutePath()).isZero();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
