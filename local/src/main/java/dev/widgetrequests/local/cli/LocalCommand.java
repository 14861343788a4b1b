package dev.widgetrequests.local.cli;

import dev.widgetrequests.config.ConfigurationException;
import dev.widgetrequests.local.LocalResources;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackPorts;
import dev.widgetrequests.local.PortInUseException;
import java.io.PrintWriter;
import java.time.Duration;
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
      "Runs AWS-compatible S3 (S3Proxy), SQS (ElasticMQ) and DynamoDB (DynamoDB Local) servers in"
          + " this process, creates the default resources (buckets widget-requests and widgets,"
          + " queue widget-requests with dead-letter queue widget-requests-dlq, table widgets with"
          + " index owner-last_modified_on-index) and prints the endpoints and the environment"
          + " variables that point the AWS CLI, the SDKs and the other widgets commands at them.",
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

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    LocalStackPorts ports = ports();
    long started = System.nanoTime();
    LocalStack stack = start(ports);
    // Installed once the servers run: before, Ctrl-C just ends the process, servers and all.
    StopSignal stop = StopSignal.install();
    try (stack) {
      LocalResources resources = stack.createDefaultResources();
      // The request handler's HTTP server (API Gateway adapter, port 3000) starts here.
      new Banner(out).print(stack, resources, Duration.ofNanos(System.nanoTime() - started));
      stop.await();
      out.println("Stopping...");
      out.flush();
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

  private static LocalStack start(LocalStackPorts ports) {
    try {
      return LocalStack.start(ports);
    } catch (PortInUseException e) {
      String option =
          switch (e.service()) {
            case S3 -> "--s3-port";
            case SQS -> "--sqs-port";
            case DYNAMODB -> "--dynamodb-port";
            case HTTP_API -> "--http-port";
          };
      throw new ConfigurationException(
          "port %d for %s is already in use (another 'widgets local'?): stop what uses it or choose another port with %s PORT (0 = any free port)"
              .formatted(e.port(), e.service(), option),
          e);
    }
  }
}
