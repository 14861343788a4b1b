package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.cli.ConsumerMain;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.fold.KeyedRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.source.MessageGroups;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What the convergence and fault tests share: sending a plan of keyed requests to a queue, running
 * consumer processes on a pipeline, and counting the widgets that ended wrong.
 */
final class ConsumerFleet {
  private ConsumerFleet() {}

  /**
   * Sends the plan in its order, each message carrying its request's order key and its owner as
   * message group.
   */
  static void send(Pipeline pipeline, List<KeyedRequest> plan) {
    for (int from = 0; from < plan.size(); from += 10) {
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
      for (int i = from; i < Math.min(plan.size(), from + 10); i++) {
        KeyedRequest request = plan.get(i);
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id("m" + i)
                .messageBody(WidgetJson.toJson(request.request()))
                // As the producer and the request handler send them: the owner is the group of
                // a fair queue; the consumer must not care.
                .messageGroupId(MessageGroups.ofOwner(request.request().owner()))
                .messageAttributes(
                    Map.of(
                        "request-key",
                        MessageAttributeValue.builder()
                            .dataType("String")
                            .stringValue(request.orderKey())
                            .build()))
                .build());
      }
      pipeline
          .stack
          .sqs()
          .sendMessageBatch(r -> r.queueUrl(pipeline.queue.queueUrl()).entries(entries));
    }
  }

  /**
   * A consumer process taking from {@code source} into {@code store}; its output goes to a file.
   */
  record Consumer(Process process, File log) {}

  static Consumer start(Pipeline pipeline, Store store, List<String> source, String name)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                ConsumerMain.class.getName()));
    command.addAll(source);
    command.addAll(
        store == Store.S3
            ? List.of("-wb", pipeline.widgetBucket)
            : List.of("-dwt", pipeline.widgetTable));
    command.addAll(List.of("--exit-when-idle", "12", "--concurrency", "4", "--log-file", "none"));
    command.addAll(pipeline.endpointArgs());
    File log = File.createTempFile("consumer-" + name + "-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    return new Consumer(process, log);
  }

  static List<Process> startAll(Pipeline pipeline, int count, Store store, List<String> source)
      throws IOException {
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      processes.add(start(pipeline, store, source, String.valueOf(i)).process());
    }
    return processes;
  }

  static void awaitExitZero(List<Process> processes) throws InterruptedException {
    for (Process process : processes) {
      assertThat(process.waitFor(900, TimeUnit.SECONDS)).as("consumer exited").isTrue();
      assertThat(process.exitValue()).isZero();
    }
  }

  /** Waits until the consumers have taken {@code taken} messages off the queue for good. */
  static void awaitTaken(Pipeline pipeline, int sent, int taken) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (pipeline.messagesIn(pipeline.queue.queueUrl()) > sent - taken) {
      assertThat(System.nanoTime()).as("consumers started within 180 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** The ids of the stream's widgets whose stored state differs from {@code expected}. */
  static long wrongWidgets(
      List<KeyedRequest> stream, Map<String, Widget> expected, Map<String, Widget> actual) {
    TreeSet<String> ids = new TreeSet<>();
    stream.forEach(k -> ids.add(k.request().widgetId()));
    return ids.stream().filter(id -> !Objects.equals(actual.get(id), expected.get(id))).count();
  }

  static long widgetIds(List<KeyedRequest> stream) {
    return stream.stream().map(k -> k.request().widgetId()).distinct().count();
  }
}
