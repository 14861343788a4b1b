package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.cli.ConsumerMain;
import dev.widgetrequests.consumer.it.Pipeline.Path;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A consumer killed with SIGKILL in the middle of a run, then started again, loses nothing. */
@ExtendWith(LocalStackExtension.class)
class CrashRecoveryIT {

  @Test
  void bucketSource_killedMidRunAndRestarted_appliesEveryRequestInOrder(LocalStack stack)
      throws Exception {
    var pipeline = new Pipeline(stack);
    TreeMap<String, String> requests = threeRuns();
    pipeline.feed(Path.BUCKET, requests);

    Process consumer = startConsumerProcess(pipeline);
    int remaining = waitUntilPartlyConsumed(pipeline, requests.size());
    consumer.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
    assertThat(consumer.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(remaining).as("requests left when the consumer was killed").isPositive();

    assertThat(pipeline.consume(Path.BUCKET, Store.DYNAMODB)).isZero();

    assertThat(pipeline.tableWidgets()).isEqualTo(Expected.finalWidgets(requests.values()));
    assertThat(pipeline.objects(pipeline.requestBucket, "")).isEmpty();
  }

  @Test
  void bucketSource_stoppedWithSigterm_drainsExitsZeroAndLosesNothing(LocalStack stack)
      throws Exception {
    var pipeline = new Pipeline(stack);
    TreeMap<String, String> requests = threeRuns();
    pipeline.feed(Path.BUCKET, requests);
    File log = File.createTempFile("sigterm-consumer", ".log");

    Process consumer = startConsumerProcess(pipeline, log);
    int remaining = waitUntilPartlyConsumed(pipeline, requests.size());
    consumer.destroy(); // SIGTERM: stop taking requests, finish those in flight
    assertThat(remaining).as("requests left when the consumer was stopped").isPositive();

    assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(consumer.exitValue()).isZero();
    assertThat(java.nio.file.Files.readString(log.toPath())).contains("consumer stopped:");
    assertThat(pipeline.consume(Path.BUCKET, Store.DYNAMODB)).isZero();
    assertThat(pipeline.tableWidgets()).isEqualTo(Expected.finalWidgets(requests.values()));
    assertThat(pipeline.objects(pipeline.requestBucket, "")).isEmpty();
  }

  /** The live run three times over, keys prefixed a-, b-, c-: long enough to stop mid-run. */
  private static TreeMap<String, String> threeRuns() {
    TreeMap<String, String> requests = new TreeMap<>();
    for (String round : List.of("a", "b", "c")) {
      Fixtures.liveProducerRun().forEach((key, body) -> requests.put(round + "-" + key, body));
    }
    return requests;
  }

  private static Process startConsumerProcess(Pipeline pipeline) throws Exception {
    return startConsumerProcess(pipeline, File.createTempFile("crash-consumer", ".log"));
  }

  private static Process startConsumerProcess(Pipeline pipeline, File log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ConsumerMain.class.getName(),
                "-rb",
                pipeline.requestBucket,
                "-dwt",
                pipeline.widgetTable,
                "--concurrency",
                "2",
                "--log-file",
                "none"));
    command.addAll(pipeline.endpointArgs());
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
  }

  /** Waits until the consumer has taken some requests but not all; returns how many are left. */
  private static int waitUntilPartlyConsumed(Pipeline pipeline, int total) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      int left = pipeline.objects(pipeline.requestBucket, "").size();
      if (left < total - 30) {
        return left;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the consumer process took no requests within 60 s");
  }
}
