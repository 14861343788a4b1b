package dev.widgetrequests.bench;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.QueuePair;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.producer.sink.QueueSink;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Runs the bench: for every latency a private local stack, and on it, for every path, the consumer,
 * the one-at-a-time baseline, the raw ceiling and its loops with plain writes, each on fresh
 * resources filled by the producer beforehand.
 */
final class BenchRunner {
  /** The longest wait for this JVM's JIT compiler to settle before a drain. */
  private static final int SETTLE_SECONDS = 30;

  private final BenchSettings settings;
  private final PrintStream out;
  private final BenchProgress progress;

  BenchRunner(BenchSettings settings, PrintStream out, boolean showProgress) {
    this.settings = settings;
    this.out = out;
    this.progress = new BenchProgress(out, showProgress);
  }

  BenchTable run() throws IOException, InterruptedException {
    BenchTable table = new BenchTable();
    for (int latency : settings.latenciesMillis()) {
      try (LocalStack stack = BenchStack.start(Duration.ofMillis(latency));
          BenchClients clients = new BenchClients(stack)) {
        warmUp(stack, clients, latency);
        for (BenchPath path : settings.paths()) {
          if (path == BenchPath.HOT_WIDGET) {
            table.add(hotWidget(stack, clients, latency));
          } else {
            table.add(measure(stack, clients, path, latency));
          }
        }
        if (settings.producer()) {
          table.add(producerRow(stack, clients, latency));
        }
      }
    }
    progress.done();
    return table;
  }

  /**
   * The servers are code too: ElasticMQ and S3Proxy run in this JVM and dynalite in a fresh Node.js
   * process per stack, and whichever drainer met them cold came out up to 40 % slower. So before
   * anything is measured on a stack, the raw ceiling and then the consumer each drain each path's
   * warm-up requests once: the consumer's calls take code paths of their own in the servers (its
   * receive and delete pattern, its reads), which this JVM's C2 otherwise went on compiling, at a
   * third of a core, through the consumer's measured drain after the JIT had settled on the
   * ceiling's.
   */
  private void warmUp(LocalStack stack, BenchClients clients, int latency)
      throws IOException, InterruptedException {
    if (settings.warmUp() == 0) {
      return;
    }
    for (BenchPath path :
        settings.paths().stream().map(BenchPath::warmedUpAs).distinct().toList()) {
      progress.context(latency + " ms " + path.label);
      Resources forCeiling = Resources.create(stack, path);
      Prefill.Sent sent =
          Prefill.fill(forCeiling.sink(clients), settings.warmUp(), settings.seed());
      new RawCeiling(clients, forCeiling, sent, "stack warm-up").drain(settings.warmUp(), progress);
      Resources forConsumer = Resources.create(stack, path);
      ConsumerProcess.drain(
          forConsumer,
          Prefill.fill(forConsumer.sink(clients), settings.warmUp(), settings.seed()),
          0,
          settings.consumerJvmOptions(),
          settings.consumerOptions(),
          progress);
    }
    progress.done();
  }

  private BenchTable.Row measure(
      LocalStack stack, BenchClients clients, BenchPath path, int latency)
      throws IOException, InterruptedException {
    progress.context(latency + " ms " + path.label);
    int n = settings.requests();

    Resources forConsumer = Resources.create(stack, path);
    Prefill.Sent sent =
        Prefill.fill(forConsumer.sink(clients), settings.warmUp() + n, settings.seed());
    settle();
    Drain consumer =
        ConsumerProcess.drain(
            forConsumer,
            sent,
            settings.warmUp(),
            settings.consumerJvmOptions(),
            settings.consumerOptions(),
            progress);
    line(latency, path, consumer);

    Resources forBaseline = Resources.create(stack, path);
    int sample = Math.min(n, settings.baselineSample());
    Prefill.fill(forBaseline.sink(clients), sample, settings.seed());
    settle();
    Drain baseline =
        new OneAtATime(clients, forBaseline).drain(n, sample, settings.baselineCap(), progress);
    line(latency, path, baseline);

    Drain ceiling =
        loops(stack, clients, path, latency, (on, filled) -> new RawCeiling(clients, on, filled));
    Resources forProcess = Resources.create(stack, path);
    settle();
    Drain ceilingProcess =
        CeilingProcess.drain(
            stack,
            forProcess,
            settings.warmUp(),
            n,
            settings.seed(),
            settings.consumerJvmOptions(),
            progress);
    line(latency, path, ceilingProcess);
    Drain plain =
        loops(stack, clients, path, latency, (on, filled) -> RawCeiling.plainWrites(clients, on));
    return new BenchTable.Row(latency, path, consumer, baseline, ceiling, ceilingProcess, plain);
  }

  /**
   * The consumer alone on the hot widget's stream and on as many distinct creates, each queued in
   * full on fresh resources before a fresh consumer process starts, with no warm-up: the harness of
   * docs/design/consumer.md E1 and E5.
   */
  private HotWidgetTable.Row hotWidget(LocalStack stack, BenchClients clients, int latency)
      throws IOException, InterruptedException {
    BenchPath path = BenchPath.HOT_WIDGET;
    progress.context(latency + " ms " + path.label);
    HotWidgetRun hot =
        hotWidgetRun(stack, clients, latency, HotWidgetStream.HOT_RUN, HotWidgetStream.hotWidget());
    HotWidgetRun distinct =
        hotWidgetRun(
            stack,
            clients,
            latency,
            HotWidgetStream.DISTINCT_RUN,
            HotWidgetStream.distinctWidgets());
    HotWidgetTable.Row row = new HotWidgetTable.Row(latency, hot, distinct);
    out.printf(
        "%d ms %-24s %.2f × the distinct creates' rate; other widgets stored within %s%n",
        latency,
        path.label,
        row.ratio(),
        hot.othersStoredMillis() < 0 ? "—" : "%.2f s".formatted(hot.othersStoredMillis() / 1e3));
    return row;
  }

  private HotWidgetRun hotWidgetRun(
      LocalStack stack, BenchClients clients, int latency, String run, List<WidgetRequest> requests)
      throws IOException, InterruptedException {
    Resources resources = Resources.create(stack, BenchPath.HOT_WIDGET);
    HotWidgetRun.Queued queued = HotWidgetRun.queue(run, resources, clients, requests);
    settle();
    HotWidgetRun drained = HotWidgetRun.drain(queued, clients, settings, progress);
    line(latency, BenchPath.HOT_WIDGET, drained.drain(), run);
    return drained;
  }

  /** Ceiling loops on fresh resources, built once these are filled and before the JIT settles. */
  private Drain loops(
      LocalStack stack,
      BenchClients clients,
      BenchPath path,
      int latency,
      BiFunction<Resources, Prefill.Sent, RawCeiling> build)
      throws InterruptedException {
    Resources resources = Resources.create(stack, path);
    Prefill.Sent sent = Prefill.fill(resources.sink(clients), settings.requests(), settings.seed());
    RawCeiling loops = build.apply(resources, sent);
    settle();
    Drain drain = loops.drain(settings.requests(), progress);
    line(latency, path, drain);
    return drain;
  }

  /** Only after a warm-up: a smoke run measures cold servers anyway. */
  private void settle() throws InterruptedException {
    if (settings.warmUp() > 0) {
      JitSettle.await(SETTLE_SECONDS, progress);
    }
  }

  /**
   * Sends of a second or so swing by a third from one to the next (the servers share the machine
   * and this JVM's collector), so the producer and the bare loop take turns, a few rounds each on a
   * fresh queue deleted afterwards, each going first in every other round, and the row gives the
   * medians.
   */
  private BenchTable.ProducerRow producerRow(LocalStack stack, BenchClients clients, int latency) {
    progress.context(latency + " ms producer");
    int n = settings.producerRequests();
    double[] producer = new double[settings.producerRounds()];
    double[] bare = new double[settings.producerRounds()];
    long start = System.currentTimeMillis();
    for (int round = 0; round < producer.length; round++) {
      progress.show("round " + (round + 1), 2 * round * n, 2 * producer.length * n, start);
      if (round % 2 == 0) {
        producer[round] = producerRate(stack, clients, n);
        bare[round] = bareRate(stack, clients, n);
      } else {
        bare[round] = bareRate(stack, clients, n);
        producer[round] = producerRate(stack, clients, n);
      }
    }
    progress.done();
    out.printf(
        "%d ms producer: %s req/s; bare SDK batch sends: %s req/s (%d requests a round)%n",
        latency, rates(producer), rates(bare), n);
    return new BenchTable.ProducerRow(latency, median(producer), median(bare));
  }

  /** The producer as {@code widgets producer -ird 0} runs it, to a fresh queue. */
  private double producerRate(LocalStack stack, BenchClients clients, int n) {
    return onFreshQueue(
        stack,
        clients,
        queueUrl -> Prefill.rate(new QueueSink(clients.sqs(), queueUrl), n, settings.seed()));
  }

  private double bareRate(LocalStack stack, BenchClients clients, int n) {
    return onFreshQueue(
        stack, clients, queueUrl -> BareSend.perSecond(clients, queueUrl, n, settings.seed()));
  }

  /** Sends to a queue made for it, deleted afterwards, and gives the rate. */
  private static double onFreshQueue(
      LocalStack stack, BenchClients clients, ToDoubleFunction<String> send) {
    QueuePair queues = stack.createQueueWithDeadLetter(stack.uniqueName("bench"));
    try {
      return send.applyAsDouble(queues.queueUrl());
    } finally {
      delete(clients, queues);
    }
  }

  private static void delete(BenchClients clients, QueuePair queues) {
    clients.sqs().deleteQueue(r -> r.queueUrl(queues.queueUrl()));
    clients.sqs().deleteQueue(r -> r.queueUrl(queues.deadLetterQueueUrl()));
  }

  private static String rates(double[] values) {
    return String.join(", ", Arrays.stream(values).mapToObj(v -> "%.0f".formatted(v)).toList());
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private void line(int latency, BenchPath path, Drain drain) {
    line(latency, path, drain, drain.drainer());
  }

  private void line(int latency, BenchPath path, Drain drain, String drainer) {
    progress.done();
    out.printf(
        "%d ms %-24s %-23s %5d requests in %6.1f s: %6.0f req/s %s%n",
        latency,
        path.label,
        drainer,
        drain.handled(),
        drain.seconds(),
        drain.perSecond(),
        drain.note());
    out.flush();
  }
}
