package dev.widgetrequests.bench;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.Metered;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The raw ceiling's loops run the way the consumer is run: in a JVM of their own with the
 * consumer's collector, C1-only compiler and malloc arenas (and heap room for the writes they hold,
 * see {@link #heap}), warmed up on as many requests. The raw ceiling proper runs in the bench's
 * JVM, whose C2 has compiled the SDK's calls (and the servers') by then; this row shows what the
 * same bare calls get from the servers under the consumer's conditions, so a reader can tell the
 * cost of the consumer's design from that of its JVM.
 *
 * <p>The child fills its resources with the producer itself (the writes are built from what it
 * sent, as the raw ceiling's are), drains the warm-up, then the rest, and reports on its standard
 * output in lines starting with {@value #PREFIX}; the bench samples its CPU and memory from {@code
 * /proc} and counts the stack's calls between its "timed" and "result" lines.
 */
public final class CeilingProcess {
  static final String NAME = "raw ceiling, C1 process";

  /**
   * Not the consumer's 128 MB: the loops hold every request's write, built beforehand (about 90 MB
   * for 10,000 requests), which in 128 MB kept the collector doing a full collection every third of
   * a second. With room for them, it makes only the young collections the consumer makes: {@value
   * #HEAP_KB_PER_REQUEST} KB for each request held, and never under 512 MB (a warm-up of 30,000 ran
   * out of a fixed 512 MB).
   */
  private static final int HEAP_KB_PER_REQUEST = 44;

  private static final String PREFIX = "ceiling-process ";
  private static final Duration LIMIT = Duration.ofMinutes(10);
  private static final long PROGRESS_MILLIS = 500;

  private CeilingProcess() {}

  /** The heap option of a child holding the writes of {@code held} requests. */
  static String heap(int held) {
    return "-Xmx" + Math.max(512, (long) held * HEAP_KB_PER_REQUEST / 1024) + "m";
  }

  /** Runs the loops in a child process on {@code resources} and gives what they did. */
  static Drain drain(
      LocalStack stack,
      Resources resources,
      int warmUp,
      int requests,
      long seed,
      List<String> extraJvmOptions,
      BenchProgress progress)
      throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                stack.s3Endpoint().toString(),
                stack.sqsEndpoint().toString(),
                stack.dynamoDbEndpoint().toString(),
                Integer.toString(warmUp),
                Integer.toString(requests),
                Long.toString(seed)));
    arguments.addAll(resources.processArguments());
    // The consumer's extra JVM options too: the same JVM, option for option.
    Process process =
        ConsumerProcess.javaAsTheConsumer(
                heap(warmUp + requests), extraJvmOptions, CeilingProcess.class, arguments)
            .redirectErrorStream(true)
            .start();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                  process.destroyForcibly(); // its output ends, and so does the reading below
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    try {
      return watch(process, stack, progress);
    } finally {
      process.destroyForcibly();
    }
  }

  private static Drain watch(Process process, LocalStack stack, BenchProgress progress)
      throws IOException, InterruptedException {
    ProcSampler sampler = new ProcSampler(process.pid());
    String firstOther = null;
    String phase = "";
    long phaseStart = System.currentTimeMillis();
    double cpuAtTimed = -1;
    double jitAtTimed = 0;
    Metered meteredAtTimed = null;
    long[] latencies = new long[0];
    String note = "";
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!line.startsWith(PREFIX)) {
          firstOther = firstOther == null && !line.isBlank() ? line.strip() : firstOther;
          continue;
        }
        String[] words = line.substring(PREFIX.length()).split(" ", 2);
        String rest = words.length > 1 ? words[1] : "";
        switch (words[0]) {
          case "progress" -> {
            String[] figures = rest.split(" ");
            if (!figures[0].equals(phase)) {
              phase = figures[0];
              phaseStart = System.currentTimeMillis();
            }
            progress.show(
                "C1 ceiling " + phase,
                Integer.parseInt(figures[1]),
                Integer.parseInt(figures[2]),
                phaseStart);
          }
          case "timed" -> {
            sampler.sample();
            cpuAtTimed = sampler.cpuMillis();
            jitAtTimed = sampler.jitCpuMillis();
            meteredAtTimed = stack.metered();
          }
          case "latencies" ->
              latencies =
                  rest.isBlank()
                      ? new long[0]
                      : Arrays.stream(rest.split(" ")).mapToLong(Long::parseLong).toArray();
          case "note" -> note = rest;
          case "result" -> {
            sampler.sample();
            return result(
                rest, sampler, cpuAtTimed, jitAtTimed, meteredAtTimed, stack, latencies, note);
          }
          default -> {
            // A line of a later version: nothing this one reads.
          }
        }
      }
    }
    process.waitFor(30, TimeUnit.SECONDS);
    String why =
        process.isAlive()
            ? "did not end within " + LIMIT.toMinutes() + " min"
            : "exited " + process.exitValue();
    return new Drain(
        NAME,
        0,
        0,
        new long[0],
        sampler.peakRssKb() / 1024.0,
        -1,
        -1,
        null,
        "C1 process " + why + " (" + (firstOther == null ? "no output" : firstOther) + ")");
  }

  /**
   * {@code result HANDLED SECONDS WARM-UP}: the timed drain's figures, with the bench's samples.
   */
  private static Drain result(
      String figures,
      ProcSampler sampler,
      double cpuAtTimed,
      double jitAtTimed,
      Metered meteredAtTimed,
      LocalStack stack,
      long[] latencies,
      String note) {
    String[] values = figures.split(" ");
    int handled = Integer.parseInt(values[0]);
    double seconds = Double.parseDouble(values[1]);
    int warmedUp = Integer.parseInt(values[2]);
    double cpu = cpuAtTimed < 0 || handled == 0 ? -1 : (sampler.cpuMillis() - cpuAtTimed) / handled;
    double jit = cpu < 0 ? 0 : (sampler.jitCpuMillis() - jitAtTimed) / handled;
    List<String> notes = new ArrayList<>();
    if (!note.isBlank()) {
      notes.add(note);
    }
    if (warmedUp > 0) {
      notes.add("after a warm-up of " + warmedUp);
    }
    return new Drain(
        NAME,
        handled,
        seconds,
        latencies,
        sampler.peakRssKb() / 1024.0,
        cpu,
        cpu < 0 ? -1 : cpu - jit,
        meteredAtTimed == null || handled == 0 ? null : stack.metered().minus(meteredAtTimed),
        String.join("; ", notes));
  }

  /**
   * The child: {@code S3 SQS DYNAMODB WARM-UP REQUESTS SEED} and the resources' arguments ({@link
   * Resources#processArguments()}).
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 13) {
      System.err.println(
          "usage: CeilingProcess S3 SQS DYNAMODB WARM-UP REQUESTS SEED <7 resources>");
      System.exit(2);
    }
    int warmUp = Integer.parseInt(args[3]);
    int requests = Integer.parseInt(args[4]);
    Resources resources =
        Resources.fromProcessArguments(Arrays.asList(args).subList(6, args.length));
    try (BenchClients clients =
        new BenchClients(URI.create(args[0]), URI.create(args[1]), URI.create(args[2]))) {
      Prefill.Sent sent =
          Prefill.fill(resources.sink(clients), warmUp + requests, Long.parseLong(args[5]));
      RawCeiling loops = new RawCeiling(clients, resources, sent, NAME);
      int warmedUp = 0;
      if (warmUp > 0) {
        warmedUp = reporting(loops.renamed("warm-up"), "warm-up", warmUp).handled();
      }
      System.out.println(PREFIX + "timed");
      Drain drain = reporting(loops, "drain", warmUp + requests - warmedUp);
      StringBuilder latencies = new StringBuilder(PREFIX + "latencies");
      for (long latency : drain.latenciesMillis()) {
        latencies.append(' ').append(latency);
      }
      System.out.println(latencies);
      System.out.println(PREFIX + "note " + drain.note());
      System.out.println(
          PREFIX + "result " + drain.handled() + " " + drain.seconds() + " " + warmedUp);
    }
  }

  /** Drains {@code total} with {@code loops}, telling the bench how far they are as they go. */
  private static Drain reporting(RawCeiling loops, String phase, int total)
      throws InterruptedException {
    Thread reporter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    while (!Thread.currentThread().isInterrupted()) {
                      System.out.println(
                          PREFIX + "progress " + phase + " " + loops.handled() + " " + total);
                      Thread.sleep(PROGRESS_MILLIS);
                    }
                  } catch (InterruptedException done) {
                    // The drain is over.
                  }
                });
    try {
      return loops.drain(total, new BenchProgress(System.out, false));
    } finally {
      reporter.interrupt();
      reporter.join();
    }
  }
}
