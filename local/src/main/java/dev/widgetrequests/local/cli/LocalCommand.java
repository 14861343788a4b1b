package dev.widgetrequests.local.cli;

import dev.widgetrequests.lambda.WidgetRequestHandler;
import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.local.LocalResources;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackPorts;
import dev.widgetrequests.local.PortInUseException;
import dev.widgetrequests.local.dashboard.Dashboard;
import dev.widgetrequests.local.dashboard.DashboardSources;
import dev.widgetrequests.local.http.ApiGatewayServer;
import dev.widgetrequests.model.config.ConfigurationException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code widgets local}: the whole AWS side of the pipeline on this machine, until Ctrl-C. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs AWS-compatible S3 (S3Proxy) and SQS (ElasticMQ) servers in this process and DynamoDB"
          + " (dynalite, a Node.js child process), creates the default resources (buckets"
          + " widget-requests, widgets and widget-request-payloads, queue widget-requests with dead-letter queue widget-requests-dlq, table widgets with"
          + " index owner-last_modified_on-index) and prints the endpoints and the environment"
          + " variables that point the AWS CLI, the SDKs and the other widgets commands at them.",
      "A live dashboard (queue depth, dead letters and their reasons, applied / rejected per"
          + " second, widgets per store) is served at http://127.0.0.1:HTTP_PORT/.",
      "Everything is kept in memory and is gone when it stops. Runs until Ctrl-C or SIGTERM."
    })
public final class LocalCommand implements Callable<Integer> {

  @Option(
      names = "--s3-port",
      paramLabel = "PORT",
      defaultValue = "" + LocalStackPorts.DEFAULT_S3_PORT,
      description = "Port for S3 (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int s3Port;

  @Option(
      names = "--sqs-port",
      paramLabel = "PORT",
      defaultValue = "" + LocalStackPorts.DEFAULT_SQS_PORT,
      description = "Port for SQS (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int sqsPort;

  @Option(
      names = "--dynamodb-port",
      paramLabel = "PORT",
      defaultValue = "" + LocalStackPorts.DEFAULT_DYNAMODB_PORT,
      description = "Port for DynamoDB (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int dynamoDbPort;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "3000",
      description =
          "Port for the request handler's HTTP endpoint, POST /widget-requests (default:"
              + " ${DEFAULT-VALUE}; 0 = any free port).")
  int httpPort;

  @Option(
      names = "--latency",
      paramLabel = "MS",
      defaultValue = "0",
      description =
          "Milliseconds added to every call to S3, SQS and DynamoDB, as a distant cloud would"
              + " (default: ${DEFAULT-VALUE}).")
  long latencyMillis;

  @Option(
      names = "--consumer-metrics",
      paramLabel = "URL",
      split = ",",
      defaultValue = "http://127.0.0.1:9464/metrics",
      description =
          "Consumers' metrics the dashboard reads (widgets consumer --metrics-port); 'none' for"
              + " none (default: ${DEFAULT-VALUE}).")
  List<String> consumerMetrics;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    LocalStackPorts ports = ports();
    long started = System.nanoTime();
    LocalStack stack = start(ports, latency());
    // Installed once the servers run: before, Ctrl-C just ends the process, servers and all.
    StopSignal stop = StopSignal.install();
    try (stack) {
      LocalResources resources = stack.createDefaultResources();
      try (ApiGatewayServer handler = serveHandler(stack, resources);
          Dashboard dashboard = Dashboard.start(dashboardSources(stack, resources))) {
        handler.serveOtherPaths(dashboard);
        URI handlerUri = URI.create("http://127.0.0.1:" + handler.port() + ApiGatewayServer.PATH);
        new Banner(out)
            .print(stack, resources, handlerUri, Duration.ofNanos(System.nanoTime() - started));
        out.println("Dashboard: http://127.0.0.1:" + handler.port() + "/");
        out.flush();
        stop.await();
        out.println("Stopping...");
        out.flush();
      }
    } finally {
      stop.finished(); // after the stack is closed: try-with-resources closes first
    }
    out.println("Stopped.");
    out.flush();
    return 0;
  }

  private LocalStackPorts ports() {
    try {
      return new LocalStackPorts(s3Port, sqsPort, dynamoDbPort);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** The request handler in front of the request queue, served as API Gateway would. */
  private ApiGatewayServer serveHandler(LocalStack stack, LocalResources resources) {
    var handler =
        new WidgetRequestHandler(new SqsRequestQueue(stack.sqs(), resources.requestQueueUrl()));
    try {
      return new ApiGatewayServer(handler, httpPort);
    } catch (PortInUseException e) {
      throw portInUse(e);
    }
  }

  private Duration latency() {
    if (latencyMillis < 0) {
      throw new ParameterException(
          spec.commandLine(), "--latency must be 0 or more milliseconds, not " + latencyMillis);
    }
    return Duration.ofMillis(latencyMillis);
  }

  /** What the dashboard shows: the stack's resources, its call counts, the consumers' metrics. */
  private DashboardSources dashboardSources(LocalStack stack, LocalResources resources) {
    List<URI> consumers =
        consumerMetrics.stream()
            .filter(url -> !url.equalsIgnoreCase("none"))
            .map(URI::create)
            .toList();
    return new DashboardSources(
        stack.sqs(),
        stack.s3(),
        stack.dynamoDb(),
        resources.requestQueueUrl(),
        resources.deadLetterQueueUrl(),
        resources.requestBucket(),
        resources.widgetBucket(),
        resources.widgetTable(),
        consumers,
        () -> callTotals(stack.callCounts()),
        Duration.ofSeconds(2));
  }

  private static java.util.Map<String, Long> callTotals(dev.widgetrequests.local.CallCounts calls) {
    return java.util.Map.of("S3", calls.s3(), "SQS", calls.sqs(), "DynamoDB", calls.dynamoDb());
  }

  private static LocalStack start(LocalStackPorts ports, Duration latency) {
    try {
      return LocalStack.start(ports, latency);
    } catch (PortInUseException e) {
      throw portInUse(e);
    }
  }

  private static ConfigurationException portInUse(PortInUseException e) {
    String option =
        switch (e.service()) {
          case S3 -> "--s3-port";
          case SQS -> "--sqs-port";
          case DYNAMODB -> "--dynamodb-port";
          case HTTP_API -> "--http-port";
        };
    return new ConfigurationException(
        "port %d for %s is already in use (another 'widgets local'?): stop what uses it or choose another port with %s PORT (0 = any free port)"
            .formatted(e.port(), e.service(), option),
        e);
  }
}
