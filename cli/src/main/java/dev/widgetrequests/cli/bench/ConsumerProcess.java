package dev.widgetrequests.cli.bench;

import dev.widgetrequests.consumer.cli.ConsumerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The project's consumer as a user runs it: a {@code widgets consumer} child process with its
 * default settings and a fixed heap, so its memory and CPU are its own. Its figures come from its
 * one-line-per-request log and from {@code /proc}.
 */
final class ConsumerProcess {
  /** The heap the consumer gets; its peak RSS must stay within 256 MB. */
  static final String HEAP = "-Xmx160m";

  private static final Duration IDLE_EXIT = Duration.ofSeconds(3);

  private ConsumerProcess() {}

  static Drain drain(
      Resources resources, Prefill.Sent sent, List<String> extraJvmOptions, BenchProgress progress)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("widgets-bench");
    Path log = dir.resolve("consumer.log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(HEAP, "-XX:+UseSerialGC"));
    command.addAll(extraJvmOptions);
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), ConsumerMain.class.getName()));
    command.addAll(resources.consumerArguments());
    command.addAll(
        List.of("--exit-when-idle", Long.toString(IDLE_EXIT.toSeconds()), "--log-file", log + ""));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.txt").toFile())
            .start();
    try {
      return watch(process, log, sent, progress);
    } finally {
      process.destroyForcibly();
    }
  }

  private static Drain watch(Process process, Path log, Prefill.Sent sent, BenchProgress progress)
      throws IOException, InterruptedException {
    LogTail tail = new LogTail(log);
    ProcSampler sampler = new ProcSampler(process.pid());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!tail.started() && process.isAlive() && System.nanoTime() < deadline) {
      tail.read();
      Thread.sleep(20);
    }
    long drainStart = System.currentTimeMillis();
    // Steady state: CPU from the moment 30 % are handled (JIT warm-up mostly behind) to the end.
    int warmUp = sent.count() * 3 / 10;
    double cpuAtWarm = -1;
    int handledAtWarm = 0;
    while (process.isAlive() && tail.handled() < sent.count() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      sampler.sample();
      tail.read();
      if (cpuAtWarm < 0 && tail.handled() >= warmUp) {
        cpuAtWarm = sampler.cpuMillis();
        handledAtWarm = tail.handled();
      }
      progress.show("consumer", tail.handled(), sent.count(), drainStart);
    }
    int steadyRequests = tail.handled() - handledAtWarm;
    double cpuPerRequest =
        cpuAtWarm < 0 || steadyRequests <= 0
            ? -1
            : (sampler.cpuMillis() - cpuAtWarm) / steadyRequests;
    process.destroy(); // SIGTERM: drains and flushes like a stopped service
    process.waitFor(30, TimeUnit.SECONDS);
    tail.read();
    return new Drain(
        "consumer",
        tail.handled(),
        Math.max(0, tail.lastHandledMillis() - drainStart) / 1000.0,
        latencies(tail.handledMillis(), sent.sentMillis(), drainStart),
        sampler.peakRssKb() / 1024.0,
        cpuPerRequest,
        tail.handled() < sent.count() ? "only " + tail.handled() + " of " + sent.count() : "");
  }

  private static long[] latencies(
      Map<String, Long> handled, Map<String, Long> sent, long drainStart) {
    List<Long> values = new ArrayList<>();
    handled.forEach(
        (requestId, at) -> {
          long from = Math.max(drainStart, sent.getOrDefault(requestId, drainStart));
          values.add(Math.max(0, at - from));
        });
    return Drain.latencies(values);
  }
}
