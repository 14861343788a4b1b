package dev.widgetrequests.cli.bench;

import dev.widgetrequests.local.LocalStack;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Runs the bench: for every latency a private local stack, and on it, for every path, the consumer,
 * the one-at-a-time baseline and the raw ceiling, each on fresh resources filled by the producer
 * beforehand.
 */
final class BenchRunner {
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
        for (BenchPath path : settings.paths()) {
          table.add(measure(stack, clients, path, latency));
        }
        if (settings.producer()) {
          table.add(producerRow(stack, clients, latency));
        }
      }
    }
    progress.done();
    return table;
  }

  private BenchTable.Row measure(
      LocalStack stack, BenchClients clients, BenchPath path, int latency)
      throws IOException, InterruptedException {
    progress.context(latency + " ms " + path.label);
    int n = settings.requests();

    Resources forConsumer = Resources.create(stack, path);
    Prefill.Sent sent =
        Prefill.fill(forConsumer.sink(clients), settings.warmUp() + n, settings.seed());
    Drain consumer =
        ConsumerProcess.drain(
            forConsumer, sent, settings.warmUp(), settings.consumerJvmOptions(), progress);
    line(latency, path, consumer);

    Resources forBaseline = Resources.create(stack, path);
    int sample = Math.min(n, settings.baselineSample());
    Prefill.fill(forBaseline.sink(clients), sample, settings.seed());
    Drain baseline =
        new OneAtATime(clients, forBaseline).drain(n, sample, settings.baselineCap(), progress);
    line(latency, path, baseline);

    Resources forCeiling = Resources.create(stack, path);
    Prefill.fill(forCeiling.sink(clients), n, settings.seed());
    Drain ceiling = new RawCeiling(clients, forCeiling).drain(n, progress);
    line(latency, path, ceiling);
    return new BenchTable.Row(latency, path, consumer, baseline, ceiling);
  }

  private BenchTable.ProducerRow producerRow(LocalStack stack, BenchClients clients, int latency) {
    progress.context(latency + " ms producer");
    int n = settings.requests();
    Resources forProducer = Resources.create(stack, BenchPath.QUEUE_DYNAMODB);
    Prefill.Sent sent = Prefill.fill(forProducer.sink(clients), n, settings.seed());
    Resources forBare = Resources.create(stack, BenchPath.QUEUE_DYNAMODB);
    double bare = BareSend.perSecond(clients, forBare.queue().queueUrl(), n, settings.seed());
    return new BenchTable.ProducerRow(latency, sent.perSecond(), bare);
  }

  private void line(int latency, BenchPath path, Drain drain) {
    progress.done();
    out.printf(
        "%d ms %-24s %-14s %5d requests in %6.1f s: %6.0f req/s %s%n",
        latency,
        path.label,
        drain.drainer(),
        drain.handled(),
        drain.seconds(),
        drain.perSecond(),
        drain.note());
    out.flush();
  }
}
