package dev.widgetrequests.cli.demo;

import dev.widgetrequests.consumer.cli.LogFile;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackPorts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Starts a private local stack, runs the demo on it, prints the summary, stops the stack. */
public final class DemoRunner {
  private final int requestsPerPath;
  private final long seed;
  private final int concurrency;
  private final Path logFile;
  private final PrintStream out;

  public DemoRunner(int requestsPerPath, long seed, int concurrency, Path logFile) {
    this(requestsPerPath, seed, concurrency, logFile, System.out);
  }

  public DemoRunner(
      int requestsPerPath, long seed, int concurrency, Path logFile, PrintStream out) {
    this.requestsPerPath = requestsPerPath;
    this.seed = seed;
    this.concurrency = concurrency;
    this.logFile = logFile;
    this.out = out;
  }

  /** Runs the demo on a stack of its own (random ports); returns the exit code. */
  public int run() throws IOException, InterruptedException {
    LogFile.attach(logFile, "dev.widgetrequests", true);
    out.println("==> starting the local AWS stack (S3Proxy, ElasticMQ, dynalite)");
    long start = System.nanoTime();
    try (LocalStack stack = LocalStack.start(LocalStackPorts.RANDOM)) {
      out.printf("    up in %.1f s%n", (System.nanoTime() - start) / 1e9);
      return run(stack);
    }
  }

  /** Runs the demo on a given stack (tests share one); returns the exit code. */
  public int run(LocalStack stack) throws IOException, InterruptedException {
    // Request-by-request lines go to the file; the console shows the journey.
    LogFile.attach(logFile, "dev.widgetrequests", true);
    try (DemoStack demo = new DemoStack(stack)) {
      DemoReport report = new Demo(demo, requestsPerPath, seed, concurrency, out).run();
      report.print(out);
      out.println();
      out.println("Every request's outcome is in " + logFile + ".");
      out.println(
          "To explore the system yourself: ./widgets local (it prints the AWS CLI commands),");
      out.println("then ./widgets producer / consumer against it; see README.md.");
      return report.passed() ? 0 : 1;
    }
  }
}
