package dev.widgetrequests.cli.bench;

import dev.widgetrequests.consumer.cli.ConsumerMain;
import dev.widgetrequests.local.CallCounts;
import java.io.IOException;
import java.io.UncheckedIOException;
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
  static final String HEAP = "-Xmx128m";

  /** As the launcher and the container image run the consumer: C1 only (see the Dockerfile). */
  static final String JIT = "-XX:TieredStopAtLevel=1";

  private static final Duration IDLE_EXIT = Duration.ofSeconds(3);

  /** The consumer's console output, in the drain's temporary directory. */
  private static final String CONSOLE = "console.txt";

  private ConsumerProcess() {}

  /**
   * Drains what was sent; the first {@code warmUp} requests handled are not counted (JIT warm-up),
   * the figures are those of the rest.
   */
  static Drain drain(
      Resources resources,
      Prefill.Sent sent,
      int warmUp,
      List<String> extraJvmOptions,
      List<String> extraOptions,
      BenchProgress progress)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("widgets-bench");
    Path log = dir.resolve("consumer.log");
    List<String> arguments = new ArrayList<>(resources.consumerArguments());
    arguments.addAll(extraOptions);
    arguments.addAll(
        List.of("--exit-when-idle", Long.toString(IDLE_EXIT.toSeconds()), "--log-file", log + ""));
    Process process =
        javaAsTheConsumer(HEAP, extraJvmOptions, ConsumerMain.class, arguments)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(CONSOLE).toFile())
            .start();
    try {
      return watch(process, resources, log, sent, warmUp, progress);
    } finally {
      process.destroyForcibly();
    }
  }

  /**
   * A child JVM run as the consumer is: this JVM's {@code java} and class path, the serial
   * collector, {@link #JIT}, the given heap and extra JVM options, and {@code MALLOC_ARENA_MAX=2}
   * as the container image sets it.
   */
  static ProcessBuilder javaAsTheConsumer(
      String heap, List<String> extraJvmOptions, Class<?> main, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of(heap, "-XX:+UseSerialGC", JIT));
    command.addAll(extraJvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("MALLOC_ARENA_MAX", "2");
    return builder;
  }

  private static Drain watch(
      Process process,
      Resources resources,
      Path log,
      Prefill.Sent sent,
      int warmUp,
      BenchProgress progress)
      throws IOException, InterruptedException {
    LogTail tail = new LogTail(log);
    ProcSampler sampler = new ProcSampler(process.pid());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    long warmStart = System.currentTimeMillis();
    while (tail.handled() < Math.max(1, warmUp)
        && process.isAlive()
        && System.nanoTime() < deadline) {
      tail.read(); // no /proc sampling here: VmHWM keeps the peak, CPU counts from the end
      if (warmUp > 0) {
        progress.show("consumer warm-up", tail.handled(), warmUp, warmStart);
      }
      Thread.sleep(20);
    }
    long drainStart = System.currentTimeMillis();
    CallCounts callsAtStart = resources.stack().callCounts();
    int handledAtStart = warmUp > 0 ? tail.handled() : 0;
    int counted = sent.count() - handledAtStart;
    // Steady state: CPU from the end of the warm-up, or without one from 30 % handled, to the end.
    int steadyFrom = warmUp > 0 ? handledAtStart : counted * 3 / 10;
    sampler.sample();
    double cpuAtSteady = warmUp > 0 ? sampler.cpuMillis() : -1;
    double jitAtSteady = sampler.jitCpuMillis();
    int handledAtSteady = handledAtStart;
    while (process.isAlive() && tail.handled() < sent.count() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      sampler.sample();
      tail.read();
      if (cpuAtSteady < 0 && tail.handled() >= steadyFrom) {
        cpuAtSteady = sampler.cpuMillis();
        jitAtSteady = sampler.jitCpuMillis();
        handledAtSteady = tail.handled();
      }
      progress.show("consumer", tail.handled() - handledAtStart, counted, drainStart);
    }
    CallCounts callsAtEnd = resources.stack().callCounts();
    int handledAtEnd = tail.handled();
    int steadyRequests = handledAtEnd - handledAtSteady;
    double cpuPerRequest =
        cpuAtSteady < 0 || steadyRequests <= 0
            ? -1
            : (sampler.cpuMillis() - cpuAtSteady) / steadyRequests;
    double jitPerRequest =
        cpuPerRequest < 0 ? 0 : (sampler.jitCpuMillis() - jitAtSteady) / steadyRequests;
    String ended = process.isAlive() ? "" : endedEarly(process, log.resolveSibling(CONSOLE));
    process.destroy(); // SIGTERM: drains and flushes like a stopped service
    process.waitFor(30, TimeUnit.SECONDS);
    tail.read();
    int handled = tail.handled() - handledAtStart;
    return new Drain(
        "consumer",
        handled,
        Math.max(0, tail.lastHandledMillis() - drainStart) / 1000.0,
        latencies(tail.handledMillis(), sent.sentMillis(), drainStart),
        sampler.peakRssKb() / 1024.0,
        cpuPerRequest,
        cpuPerRequest < 0 ? -1 : cpuPerRequest - jitPerRequest,
        Drain.callsPerRequest(callsAtStart, callsAtEnd, handledAtEnd - handledAtStart),
        ended
            + (handled < counted ? "only " + handled + " of " + counted + "; " : "")
            + (warmUp > 0 ? "after a warm-up of " + handledAtStart : ""));
  }

  /** Why the consumer stopped before the drain ended: its exit code and first console line. */
  private static String endedEarly(Process process, Path console) {
    String first;
    try (var lines = Files.lines(console)) {
      first = lines.filter(line -> !line.isBlank()).findFirst().orElse("no output");
    } catch (IOException | UncheckedIOException unreadable) {
      first = "no console output";
    }
    return "consumer exited %d (%s); ".formatted(process.exitValue(), first.strip());
  }

  private static long[] latencies(
      Map<String, Long> handled, Map<String, Long> sent, long drainStart) {
    List<Long> values = new ArrayList<>();
    handled.forEach(
        (requestId, at) -> {
          if (at < drainStart) {
            return; // handled during the warm-up
          }
          long from = Math.max(drainStart, sent.getOrDefault(requestId, drainStart));
          values.add(Math.max(0, at - from));
        });
    return Drain.latencies(values);
  }
}
