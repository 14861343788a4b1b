package dev.widgetrequests.producer.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.json.WidgetJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The message size setting as the producer's claim-check threshold, on the local stack: a request
 * that fits in a message goes inline, a larger one by claim check, at 256 KiB and at 1 MiB.
 */
@ExtendWith(LocalStackExtension.class)
class ClaimCheckThresholdIT {
  private final LocalStack stack;

  ClaimCheckThresholdIT(LocalStack stack) {
    this.stack = stack;
  }

  /** A create whose JSON is about {@code kib} KiB, keyed by its size. */
  private static OutgoingRequest request(String key, int bytes) {
    CreateWidget create =
        new CreateWidget("r-" + key, "w-" + key, "Sue Smith", "x".repeat(bytes), null, List.of());
    return new OutgoingRequest(key, create, WidgetJson.toJson(create));
  }

  private Map<String, String> sendAndReceive(int settingBytes, List<OutgoingRequest> batch) {
    String queue = stack.createQueue(stack.uniqueName("threshold"));
    String bucket = stack.createBucket(stack.uniqueName("payloads"));
    QueueSink queueSink = new QueueSink(stack.sqs(), queue, true, new MessageSize(settingBytes));
    ClaimCheckSink sink =
        ClaimCheckSink.whenTooLarge(new BucketSink(stack.s3(), bucket), queueSink);
    sink.verify();
    sink.send(batch);
    List<Message> messages = new ArrayList<>();
    List<Message> received;
    do {
      received =
          stack
              .sqs()
              .receiveMessage(
                  r ->
                      r.queueUrl(queue)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .messageAttributeNames("All"))
              .messages();
      messages.addAll(received);
    } while (!received.isEmpty());
    return messages.stream()
        .collect(
            Collectors.toMap(
                m -> m.messageAttributes().get("request-key").stringValue(),
                m ->
                    m.body().startsWith("[\"software.amazon.payloadoffloading")
                        ? "claim check"
                        : "inline"));
  }

  @Test
  void at256KiB_largerRequestsGoByClaimCheck() {
    Map<String, String> how =
        sendAndReceive(
            256 * 1024,
            List.of(
                request("small", 1000),
                request("just-under", 256 * 1024 - 300),
                request("just-over", 256 * 1024),
                request("large", 700 * 1024)));

    assertThat(how)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "small",
                "inline",
                "just-under",
                "inline",
                "just-over",
                "claim check",
                "large",
                "claim check"));
  }

  @Test
  void at1MiB_requestsBetween256KiBAndTheSettingGoInline_largerOnesByClaimCheck() {
    Map<String, String> how =
        sendAndReceive(
            MessageSize.MAX_BYTES,
            List.of(
                request("medium", 300 * 1024),
                request("large", 1024 * 1024 - 400),
                request("over", 1024 * 1024)));

    assertThat(how)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("medium", "inline", "large", "inline", "over", "claim check"));
  }

  @Test
  void queueAlone_refusesARequestTooLargeForAMessage_namingTheFix() {
    String queue = stack.createQueue(stack.uniqueName("threshold"));
    QueueSink sink = new QueueSink(stack.sqs(), queue, true, MessageSize.DEFAULT);

    assertThatThrownBy(() -> sink.send(List.of(request("large", 300 * 1024))))
        .isInstanceOf(SinkException.class)
        .hasMessageContaining("--payload-bucket")
        .hasMessageContaining("--max-message-bytes");
  }
}
