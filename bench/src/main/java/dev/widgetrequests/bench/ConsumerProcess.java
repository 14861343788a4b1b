package dev.widgetrequests.bench;

import dev.widgetrequests.consumer.cli.ConsumerMain;
import dev.widgetrequests.local.Metered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The project's consumer as a user runs it: a {@code widgets consumer} child process with its
 * default settings and a fixed heap, so its memory and CPU are its own. Its counts come from its
 * metrics endpoint, sampled every {@value #SAMPLE_MILLIS} ms (a request's latency is interpolated
 * between the samples around it; the drain ends at the consumer's own time of its latest request),
 * its memory and CPU from {@code /proc}, its calls from the stack's fronts.
 */
final class ConsumerProcess {
  /** The heap the consumer gets; its peak RSS must stay within 256 MB. */
  static final String HEAP = "-Xmx128m";

  /** As the launcher and the container image run the consumer: C1 only (see the Dockerfile). */
  static final String JIT = "-XX:TieredStopAtLevel=1";

  private static final Duration IDLE_EXIT = Duration.ofSeconds(3);

  /** How often the bench reads the consumer's metrics (each read costs it a scrape). */
  static final long SAMPLE_MILLIS = 100;

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
    Path log = Files.createTempDirectory("widgets-bench").resolve("consumer.log");
    return drain(resources, sent, warmUp, extraJvmOptions, extraOptions, log, () -> 0, progress);
  }

  /**
   * As above, the consumer logging to {@code log} (a line per request, with the time it ended), and
   * for a drain without a warm-up, starting at {@code firstTaken}: when the consumer took its first
   * message, in epoch milliseconds (0 when not known: then at the first scrape that counts a
   * request finished).
   */
  static Drain drain(
      Resources resources,
      Prefill.Sent sent,
      int warmUp,
      List<String> extraJvmOptions,
      List<String> extraOptions,
      Path log,
      LongSupplier firstTaken,
      BenchProgress progress)
      throws IOException, InterruptedException {
    Path dir = log.getParent();
    List<String> arguments = new ArrayList<>(resources.consumerArguments());
    arguments.addAll(extraOptions);
    int metricsPort = freePort();
    arguments.addAll(
        List.of(
            "--exit-when-idle",
            Long.toString(IDLE_EXIT.toSeconds()),
            "--log-file",
            log.toString(),
            "--metrics-port",
            Integer.toString(metricsPort)));
    Metered beforeStart = resources.stack().metered();
    Process process =
        javaAsTheConsumer(HEAP, extraJvmOptions, ConsumerMain.class, arguments)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(CONSOLE).toFile())
            .start();
    try {
      return watch(
          process,
          resources,
          beforeStart,
          new ConsumerCounts(metricsPort),
          dir.resolve(CONSOLE),
          sent,
          warmUp,
          firstTaken,
          progress);
    } finally {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
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
      Metered beforeStart,
      ConsumerCounts counts,
      Path console,
      Prefill.Sent sent,
      int warmUp,
      LongSupplier firstTaken,
      BenchProgress progress)
      throws InterruptedException {
    ProcSampler sampler = new ProcSampler(process.pid());
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    long warmStart = System.currentTimeMillis();
    ConsumerCounts.Scrape scrape = ConsumerCounts.NONE;
    while (scrape.finished() < Math.max(1, warmUp)
        && process.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(SAMPLE_MILLIS); // no /proc sampling here: VmHWM keeps the peak
      scrape = counts.scrapeAfter(scrape);
      if (warmUp > 0) {
        progress.show("consumer warm-up", (int) scrape.finished(), warmUp, warmStart);
      }
    }
    long taken = warmUp > 0 ? 0 : firstTaken.getAsLong();
    long drainStart = taken > 0 ? taken : System.currentTimeMillis();
    // Without a warm-up every request counts, and so does every call the consumer made for them.
    Metered meteredAtStart = warmUp > 0 ? resources.stack().metered() : beforeStart;
    ConsumerCounts.Scrape atStart = warmUp > 0 ? scrape : ConsumerCounts.NONE;
    long handledAtStart = warmUp > 0 ? scrape.finished() : 0;
    long counted = sent.count() - handledAtStart;
    // Steady state: CPU from the end of the warm-up, or without one from 30 % handled, to the end.
    long steadyFrom = warmUp > 0 ? handledAtStart : counted * 3 / 10;
    sampler.sample();
    double cpuAtSteady = warmUp > 0 ? sampler.cpuMillis() : -1;
    double jitAtSteady = sampler.jitCpuMillis();
    long handledAtSteady = handledAtStart;
    List<long[]> samples =
        new ArrayList<>(List.<long[]>of(new long[] {drainStart, handledAtStart}));
    while (process.isAlive() && scrape.finished() < sent.count() && System.nanoTime() < deadline) {
      Thread.sleep(SAMPLE_MILLIS);
      sampler.sample();
      scrape = counts.scrapeAfter(scrape);
      samples.add(new long[] {System.currentTimeMillis(), scrape.finished()});
      if (cpuAtSteady < 0 && scrape.finished() >= steadyFrom) {
        cpuAtSteady = sampler.cpuMillis();
        jitAtSteady = sampler.jitCpuMillis();
        handledAtSteady = scrape.finished();
      }
      progress.show(
          "consumer", (int) (scrape.finished() - handledAtStart), (int) counted, drainStart);
    }
    Metered metered = resources.stack().metered().minus(meteredAtStart);
    long steadyRequests = scrape.finished() - handledAtSteady;
    double cpuPerRequest =
        cpuAtSteady < 0 || steadyRequests <= 0
            ? -1
            : (sampler.cpuMillis() - cpuAtSteady) / steadyRequests;
    double jitPerRequest =
        cpuPerRequest < 0 ? 0 : (sampler.jitCpuMillis() - jitAtSteady) / steadyRequests;
    String ended = process.isAlive() ? "" : endedEarly(process, console);
    int handled = (int) (scrape.finished() - handledAtStart);
    double reportedUnits = scrape.reportedWriteUnits() - atStart.reportedWriteUnits();
    process.destroy(); // SIGTERM: drains and flushes like a stopped service
    process.waitFor(30, TimeUnit.SECONDS);
    return new Drain(
        "consumer",
        handled,
        Math.max(0, scrape.lastFinishedMillis() - drainStart) / 1000.0,
        latencies(samples, drainStart, scrape.lastFinishedMillis()),
        sampler.peakRssKb() / 1024.0,
        cpuPerRequest,
        cpuPerRequest < 0 ? -1 : cpuPerRequest - jitPerRequest,
        handled > 0 ? metered : null,
        String.join("; ", notes(ended, handled, counted, warmUp, handledAtStart, reportedUnits)));
  }

  private static List<String> notes(
      String ended, int handled, long counted, int warmUp, long warmedUp, double reportedUnits) {
    List<String> notes = new ArrayList<>();
    if (!ended.isEmpty()) {
      notes.add(ended);
    }
    if (handled < counted) {
      notes.add("only " + handled + " of " + counted);
    }
    if (warmUp > 0) {
      notes.add("after a warm-up of " + warmedUp);
    }
    if (reportedUnits > 0 && handled > 0) {
      notes.add("server-returned table write units/req %.2f".formatted(reportedUnits / handled));
    }
    return notes;
  }

  /** Why the consumer stopped before the drain ended: its exit code and first console line. */
  private static String endedEarly(Process process, Path console) {
    String first;
    try (var lines = Files.lines(console)) {
      first = lines.filter(line -> !line.isBlank()).findFirst().orElse("no output");
    } catch (IOException | UncheckedIOException unreadable) {
      first = "no console output";
    }
    return "consumer exited %d (%s)".formatted(process.exitValue(), first.strip());
  }

  /**
   * Each request's latency from the drain's start: the time the count of finished requests reached
   * it, interpolated between the samples around it (the last one at the consumer's own time of its
   * latest request).
   */
  static long[] latencies(List<long[]> samples, long drainStart, long lastFinishedMillis) {
    List<long[]> points = new ArrayList<>(samples);
    long[] last = points.getLast();
    if (lastFinishedMillis > 0 && points.size() > 1) {
      long[] before = points.get(points.size() - 2);
      last[0] = Math.max(before[0], Math.min(last[0], lastFinishedMillis));
    }
    List<Long> values = new ArrayList<>();
    for (int i = 1; i < points.size(); i++) {
      long[] from = points.get(i - 1);
      long[] to = points.get(i);
      for (long k = from[1] + 1; k <= to[1]; k++) {
        double at = from[0] + (double) (to[0] - from[0]) * (k - from[1]) / (to[1] - from[1]);
        values.add(Math.max(0, Math.round(at) - drainStart));
      }
    }
    return Drain.latencies(values);
  }
}
