package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.sqs.javamessaging.AmazonSQSExtendedClient;
import com.amazon.sqs.javamessaging.ExtendedClientConfiguration;
import dev.widgetrequests.consumer.it.Pipeline.Path;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The order key is a claim: whoever can send to the queue or write to the bucket picks it, so it is
 * kept only within bounds of the time AWS received the request, a request is its key and its
 * content, pointers are never ordered by object name, and nothing is dropped silently. Each test is
 * an attack or a misconfiguration, end to end through the real consumer and the local stack.
 */
@ExtendWith(LocalStackExtension.class)
class OrderTrustIT {
  private static final String SUE = "Sue Smith";
  private static final String MALLORY = "Mallory Moss";

  @ParameterizedTest
  @EnumSource(Store.class)
  void aKeyClaimedFarInThePast_cannotTakeOverAnotherOwnersWidget(Store store, LocalStack stack) {
    var pipeline = new Pipeline(stack);
    String id = UUID.randomUUID().toString();
    send(pipeline, create(id, SUE, "sue"), claim(-2_000));
    send(pipeline, create(id, MALLORY, "mallory"), "0000000000001-0000-a");
    send(pipeline, update(id, SUE, "sue-2"), claim(-1_000));

    assertThat(pipeline.consume(Path.QUEUE, store)).isZero();

    Widget widget = pipeline.widgets(store).get(id);
    assertThat(widget.owner()).isEqualTo(SUE);
    assertThat(widget.label()).isEqualTo("sue-2");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aKeyClaimedFarInTheFuture_cannotPinAWidget(Store store, LocalStack stack)
      throws InterruptedException {
    var pipeline = new Pipeline(stack);
    String id = UUID.randomUUID().toString();
    send(pipeline, create(id, SUE, "sue"), claim(-2_000));
    send(pipeline, update(id, SUE, "pinned"), "9999999999999-0000-a");
    Thread.sleep(5); // the owner's next updates are made after the pin was sent
    send(pipeline, update(id, SUE, "second"), claim(0));
    send(pipeline, update(id, SUE, "final"), claim(1));

    assertThat(pipeline.consume(Path.QUEUE, store)).isZero();

    assertThat(pipeline.widgets(store).get(id).label()).isEqualTo("final");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aKeyClaimedFarInTheFuture_inTheBucket_cannotPinAWidget(Store store, LocalStack stack)
      throws InterruptedException {
    var pipeline = new Pipeline(stack);
    String id = UUID.randomUUID().toString();
    put(pipeline, claim(-3_000), create(id, SUE, "sue"));
    put(pipeline, "9999999999999-0000-a", update(id, SUE, "pinned"));
    Thread.sleep(1_100); // S3 keeps LastModified to the second
    put(pipeline, claim(0), update(id, SUE, "final"));

    assertThat(pipeline.consume(Path.BUCKET, store)).isZero();

    assertThat(pipeline.widgets(store).get(id).label()).isEqualTo("final");
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void twoDifferentRequestsWithOneKey_areBothApplied(Store store, LocalStack stack) {
    var pipeline = new Pipeline(stack);
    String id = UUID.randomUUID().toString();
    String key = claim(-1_000);
    send(pipeline, create(id, SUE, "sue"), claim(-2_000));
    send(pipeline, update(id, SUE, null, new Attribute("colour", "red")), key);
    send(pipeline, update(id, SUE, null, new Attribute("shape", "round")), key);

    assertThat(pipeline.consume(Path.QUEUE, store)).isZero();

    assertThat(pipeline.widgets(store).get(id).otherAttributes())
        .contains(new Attribute("colour", "red"), new Attribute("shape", "round"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void pointersOfTheExtendedClient_namedByRandomUuids_keepTheSendingOrder(
      Store store, LocalStack stack) throws InterruptedException {
    var pipeline = new Pipeline(stack);
    var extended =
        new AmazonSQSExtendedClient(
            stack.sqs(),
            new ExtendedClientConfiguration()
                .withPayloadSupportEnabled(stack.s3(), pipeline.requestBucket)
                .withAlwaysThroughS3(true));
    List<String> ids = new ArrayList<>();
    for (int w = 0; w < 5; w++) {
      ids.add(UUID.randomUUID().toString());
    }
    for (int step = 0; step < 4; step++) {
      for (String id : ids) {
        WidgetRequest request = step == 0 ? create(id, SUE, "0") : update(id, SUE, "" + step);
        extended.sendMessage(
            r -> r.queueUrl(pipeline.queue.queueUrl()).messageBody(WidgetJson.toJson(request)));
      }
      Thread.sleep(50);
    }

    assertThat(pipeline.consume(Path.QUEUE, store)).isZero();

    Map<String, Widget> widgets = pipeline.widgets(store);
    assertThat(ids).allSatisfy(id -> assertThat(widgets.get(id).label()).isEqualTo("3"));
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aFloodOfAnotherOwnersRequests_cannotMakeTheOwnersLateUpdateTooLate(
      Store store, LocalStack stack) {
    var pipeline = new Pipeline(stack);
    String id = UUID.randomUUID().toString();
    send(pipeline, create(id, SUE, "sue"), claim(-10_000));
    for (int i = 0; i < 70; i++) {
      send(pipeline, update(id, MALLORY, "mallory-" + i), claim(-5_000 + i));
    }
    send(pipeline, update(id, SUE, "late but mine"), claim(-9_000));

    assertThat(pipeline.consume(Path.QUEUE, store)).isZero();

    assertThat(pipeline.widgets(store).get(id).label()).isEqualTo("late but mine");
    assertThat(pipeline.messagesIn(pipeline.queue.deadLetterQueueUrl())).isZero();
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void aRequestOlderThanWhatItsWidgetKeeps_isDeadLetteredAsTooLate(Store store, LocalStack stack) {
    var pipeline = new Pipeline(stack);
    String id = UUID.randomUUID().toString();
    send(pipeline, create(id, SUE, "sue"), claim(-60_000));
    for (int i = 0; i < 70; i++) {
      send(pipeline, update(id, SUE, "sue-" + i), claim(-50_000 + i));
    }
    assertThat(pipeline.consume(Path.QUEUE, store)).isZero(); // the widget now keeps 64 of 71
    send(pipeline, update(id, SUE, "too late"), claim(-55_000));

    assertThat(pipeline.consume(Path.QUEUE, store)).isZero();

    assertThat(pipeline.widgets(store).get(id).label()).isEqualTo("sue-69");
    List<Message> deadLetters = deadLetters(pipeline);
    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.getFirst().body()).contains("too late");
    assertThat(deadLetters.getFirst().messageAttributes().get("reason").stringValue())
        .startsWith("too late")
        .contains("folded up to");
  }

  private static String claim(long offsetMillis) {
    return "%013d-0000-%s"
        .formatted(
            System.currentTimeMillis() + offsetMillis,
            UUID.randomUUID().toString().substring(0, 8));
  }

  private static CreateWidget create(String id, String owner, String label) {
    return new CreateWidget(UUID.randomUUID().toString(), id, owner, label, null, List.of());
  }

  private static UpdateWidget update(
      String id, String owner, String label, Attribute... attributes) {
    return new UpdateWidget(
        UUID.randomUUID().toString(), id, owner, label, null, List.of(attributes));
  }

  private static void send(Pipeline pipeline, WidgetRequest request, String key) {
    pipeline
        .stack
        .sqs()
        .sendMessage(
            r ->
                r.queueUrl(pipeline.queue.queueUrl())
                    .messageBody(WidgetJson.toJson(request))
                    .messageAttributes(
                        Map.of(
                            "request-key",
                            MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(key)
                                .build())));
  }

  private static void put(Pipeline pipeline, String key, WidgetRequest request) {
    pipeline
        .stack
        .s3()
        .putObject(
            r -> r.bucket(pipeline.requestBucket).key(key),
            RequestBody.fromString(WidgetJson.toJson(request)));
  }

  private static List<Message> deadLetters(Pipeline pipeline) {
    return pipeline
        .stack
        .sqs()
        .receiveMessage(
            r ->
                r.queueUrl(pipeline.queue.deadLetterQueueUrl())
                    .maxNumberOfMessages(10)
                    .messageAttributeNames("All"))
        .messages();
  }
}
