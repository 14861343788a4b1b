package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.it.Pipeline.Path;
import dev.widgetrequests.consumer.it.Pipeline.Store;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The course's 35 sample requests through every source into every store. */
@ExtendWith(LocalStackExtension.class)
class CourseSamplesIT {

  @ParameterizedTest
  @EnumSource(Store.class)
  void bucketSource_leavesTheExpectedWidgets_andRejectsTheThreeBadSamples(
      Store store, LocalStack stack) {
    var pipeline = new Pipeline(stack);
    pipeline.feed(Path.BUCKET, Fixtures.courseSamples());

    assertThat(pipeline.consume(Path.BUCKET, store)).isZero();

    assertThat(pipeline.widgets(store)).isEqualTo(Fixtures.expectedCourseSampleWidgets());
    List<S3Object> left = pipeline.objects(pipeline.requestBucket, "");
    assertThat(left)
        .extracting(S3Object::key)
        .containsExactlyElementsOf(
            Fixtures.BAD_COURSE_SAMPLES.stream().map(key -> "rejected/" + key).toList());
    Map<String, String> reasons =
        left.stream()
            .collect(
                Collectors.toMap(
                    S3Object::key,
                    o ->
                        stack
                            .s3()
                            .headObject(r -> r.bucket(pipeline.requestBucket).key(o.key()))
                            .metadata()
                            .get("rejection-reason")));
    assertThat(reasons.get("rejected/1612306374392")).contains("empty");
    assertThat(reasons.get("rejected/1612306375135")).contains("type");
    assertThat(reasons.get("rejected/1612306375892")).contains("owner");
  }

  /**
   * The exact final state needs each widget's requests in order, which only a FIFO queue promises:
   * the queue tests that check it use one, with a message group per widget, as the producer and the
   * request handler send to FIFO queues.
   */
  @ParameterizedTest
  @EnumSource(Store.class)
  void fifoQueue_withRequestBodies_leavesTheExpectedWidgets_andDeadLettersTheBadOnes(
      Store store, LocalStack stack) {
    var pipeline = new Pipeline(stack, true);
    pipeline.feed(Path.QUEUE, Fixtures.courseSamples(), true);

    assertThat(pipeline.consume(Path.QUEUE, store)).isZero();

    assertThat(pipeline.widgets(store)).isEqualTo(Fixtures.expectedCourseSampleWidgets());
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).isZero();
    assertDeadLetters(pipeline, stack);
  }

  @ParameterizedTest
  @EnumSource(Store.class)
  void fifoQueue_withClaimCheckPointers_leavesTheExpectedWidgets_andDeletesTheObjects(
      Store store, LocalStack stack) {
    var pipeline = new Pipeline(stack, true);
    pipeline.feed(Path.CLAIM_CHECK, Fixtures.courseSamples(), true);

    assertThat(pipeline.consume(Path.CLAIM_CHECK, store)).isZero();

    assertThat(pipeline.widgets(store)).isEqualTo(Fixtures.expectedCourseSampleWidgets());
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).isZero();
    // The empty request cannot travel as an SQS body, so its dead letter keeps pointing at it.
    assertThat(pipeline.objects(pipeline.requestBucket, ""))
        .extracting(S3Object::key)
        .containsExactly("1612306374392");
    assertDeadLetters(pipeline, stack);
  }

  /** A standard queue, as the course used: every request handled, the bad ones dead-lettered. */
  @ParameterizedTest
  @EnumSource(
      value = Path.class,
      names = {"QUEUE", "CLAIM_CHECK"})
  void standardQueue_drainsEveryRequest_andDeadLettersTheBadOnes(Path path, LocalStack stack) {
    var pipeline = new Pipeline(stack);
    pipeline.feed(path, Fixtures.courseSamples());

    assertThat(pipeline.consume(path, Store.DYNAMODB)).isZero();

    assertThat(pipeline.tableWidgets()).isNotEmpty();
    assertThat(pipeline.messagesIn(pipeline.queue.queueUrl())).isZero();
    assertDeadLetters(pipeline, stack);
  }

  private static void assertDeadLetters(Pipeline pipeline, LocalStack stack) {
    List<Message> dead =
        stack
            .sqs()
            .receiveMessage(
                r ->
                    r.queueUrl(pipeline.queue.deadLetterQueueUrl())
                        .maxNumberOfMessages(10)
                        .messageAttributeNames("All")
                        .waitTimeSeconds(1))
            .messages();
    assertThat(dead).hasSize(3);
    List<String> reasons =
        dead.stream()
            .map(m -> m.messageAttributes().get("reason"))
            .map(MessageAttributeValue::stringValue)
            .toList();
    assertThat(reasons)
        .anySatisfy(r -> assertThat(r).contains("empty"))
        .anySatisfy(r -> assertThat(r).contains("type"))
        .anySatisfy(r -> assertThat(r).contains("owner"));
  }
}
