package dev.widgetrequests.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.MessageGroups;
import dev.widgetrequests.producer.generate.RequestGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

@ExtendWith(LocalStackExtension.class)
class ProducerCommandIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern POINTER =
      Pattern.compile(
          "\\[\"software\\.amazon\\.payloadoffloading\\.PayloadS3Pointer\","
              + "\\{\"s3BucketName\":\"([^\"]+)\",\"s3Key\":\"([^\"]+)\"}]");

  private final LocalStack stack;
  private final Launcher launcher;

  ProducerCommandIT(LocalStack stack) {
    this.stack = stack;
    this.launcher =
        new Launcher(
            Map.of(
                "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", stack.sqsEndpoint().toString()));
  }

  private static List<String> expectedBodies(long seed, int count) {
    RequestGenerator generator = RequestGenerator.seeded(seed);
    return Stream.generate(generator::next).limit(count).map(WidgetJson::toJson).toList();
  }

  @Test
  void bucketMode_writesOneObjectPerRequest_inKeyOrderThatIsProductionOrder() {
    String bucket = stack.createBucket(stack.uniqueName("requests"));

    int exitCode = launcher.run("-rb", bucket, "-mwr", "300", "-ird", "0", "--seed", "11");

    assertThat(exitCode).isZero();
    assertThat(launcher.out.toString()).contains("Sent 300 requests");
    List<String> keys = keys(bucket);
    assertThat(keys)
        .hasSize(300)
        .isSorted()
        .allMatch(key -> key.matches("\\d{13}-\\d{4}-[0-9a-f]{8}"));
    List<String> bodies = keys.stream().map(key -> body(bucket, key).asUtf8String()).toList();
    assertThat(bodies).containsExactlyElementsOf(expectedBodies(11, 300));
    RequestParser parser = new RequestParser();
    assertThat(bodies).allMatch(body -> parser.parse(body) instanceof ParseResult.Valid);
    assertThat(body(bucket, keys.getFirst()).response().contentType())
        .isEqualTo("application/json");
  }

  @Test
  void queueMode_withoutDelay_sendsOneMessagePerRequest_inBatches() {
    String queue = stack.createQueue(stack.uniqueName("requests"));

    int exitCode = launcher.run("-rq", queue, "-mwr", "55", "-ird", "0", "--seed", "12");

    assertThat(exitCode).isZero();
    List<Message> messages = receiveAll(queue, 55);
    assertThat(messages)
        .extracting(Message::body)
        .containsExactlyInAnyOrderElementsOf(expectedBodies(12, 55));
    List<String> requestKeys =
        messages.stream()
            .map(message -> message.messageAttributes().get("request-key").stringValue())
            .toList();
    assertThat(requestKeys)
        .doesNotHaveDuplicates()
        .allMatch(key -> key.matches("\\d{13}-\\d{4}-[0-9a-f]{8}"));
  }

  @Test
  void standardQueue_messagesCarryTheirOwnersGroup_unlessTurnedOff() {
    String queue = stack.createQueue(stack.uniqueName("requests"));
    String plain = stack.createQueue(stack.uniqueName("requests"));

    assertThat(launcher.run("-rq", queue, "-mwr", "30", "-ird", "0", "--seed", "15")).isZero();
    assertThat(launcher.run("-rq", plain, "-mwr", "3", "-ird", "1", "--no-owner-groups")).isZero();

    List<Message> messages = receiveAll(queue, 30);
    assertThat(messages)
        .allSatisfy(
            message ->
                assertThat(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                    .isEqualTo(
                        MessageGroups.ofOwner(
                            MAPPER.readTree(message.body()).path("owner").asText())));
    assertThat(messages)
        .extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
        .contains("Mary_Matthews", "John_Jones");
    assertThat(receiveAll(plain, 3))
        .allSatisfy(
            message ->
                assertThat(message.attributes())
                    .doesNotContainKey(MessageSystemAttributeName.MESSAGE_GROUP_ID));
  }

  @Test
  void longTypeNames_areTheSchemasSpelling_andValidRequests() {
    String queue = stack.createQueue(stack.uniqueName("requests"));

    int exitCode =
        launcher.run(
            "-rq", queue, "-mwr", "40", "-ird", "0", "--seed", "16", "--type-names", "long");

    assertThat(exitCode).isZero();
    RequestParser parser = new RequestParser();
    List<String> bodies = receiveAll(queue, 40).stream().map(Message::body).toList();
    assertThat(bodies)
        .hasSize(40)
        .allMatch(body -> body.matches("\\{\"type\":\"Widget(Create|Update|Delete)Request\".*"))
        .allMatch(body -> parser.parse(body) instanceof ParseResult.Valid);
  }

  @Test
  void payloadBucket_withSmallRequests_sendsThemInline_andABadSizeExitsWith2() {
    String queue = stack.createQueue(stack.uniqueName("requests"));
    String bucket = stack.createBucket(stack.uniqueName("payloads"));

    assertThat(
            launcher.run(
                "-rq",
                queue,
                "--payload-bucket",
                bucket,
                "--max-message-bytes",
                "1MiB",
                "-mwr",
                "12",
                "-ird",
                "0",
                "--seed",
                "17"))
        .isZero();
    assertThat(receiveAll(queue, 12))
        .extracting(Message::body)
        .containsExactlyInAnyOrderElementsOf(expectedBodies(17, 12));
    assertThat(keys(bucket)).isEmpty();
    assertThat(launcher.run("-rq", queue, "--max-message-bytes", "2MiB", "-mwr", "1")).isEqualTo(2);
    assertThat(launcher.run("-rb", bucket, "--payload-bucket", bucket, "-mwr", "1")).isEqualTo(2);
  }

  @Test
  void queueMode_withDelay_sendsMessagesOneByOne() {
    String queue = stack.createQueue(stack.uniqueName("requests"));

    int exitCode = launcher.run("-rq", queue, "-mwr", "5", "-ird", "1", "--seed", "13");

    assertThat(exitCode).isZero();
    assertThat(receiveAll(queue, 5))
        .extracting(Message::body)
        .containsExactlyInAnyOrderElementsOf(expectedBodies(13, 5));
  }

  @Test
  void claimCheck_putsTheObjects_andPointerMessagesNamingThem() {
    String bucket = stack.createBucket(stack.uniqueName("requests"));
    String queue = stack.createQueue(stack.uniqueName("requests"));

    int exitCode =
        launcher.run("-rb", bucket, "-rq", queue, "-mwr", "25", "-ird", "0", "--seed", "14");

    assertThat(exitCode).isZero();
    List<String> keys = keys(bucket);
    assertThat(keys).hasSize(25);
    List<String> pointedAt = new ArrayList<>();
    for (Message message : receiveAll(queue, 25)) {
      Matcher pointer = POINTER.matcher(message.body());
      assertThat(pointer.matches()).as(message.body()).isTrue();
      assertThat(pointer.group(1)).isEqualTo(bucket);
      String key = pointer.group(2);
      pointedAt.add(key);
      assertThat(message.messageAttributes().get("request-key").stringValue()).isEqualTo(key);
      assertThat(message.messageAttributes().get("ExtendedPayloadSize").stringValue())
          .isEqualTo(Integer.toString(body(bucket, key).asByteArray().length));
    }
    assertThat(pointedAt).containsExactlyInAnyOrderElementsOf(keys);
    assertThat(keys.stream().map(key -> body(bucket, key).asUtf8String()).toList())
        .containsExactlyElementsOf(expectedBodies(14, 25));
  }

  @Test
  void maxRuntime_endsTheRunBeforeTheRequestLimit() {
    String bucket = stack.createBucket(stack.uniqueName("requests"));

    int exitCode = launcher.run("-rb", bucket, "-mwr", "100000", "-ird", "5", "-mrt", "300");

    assertThat(exitCode).isZero();
    assertThat(launcher.out.toString()).contains("max runtime reached");
    int sent = keys(bucket).size();
    assertThat(sent).isPositive().isLessThan(100);
    assertThat(launcher.out.toString())
        .contains("stops after --max-runtime 0.3 s")
        .contains(
            "stopped at "
                + sent
                + " of 100000 requests: --max-runtime 0.3 s reached (-mrt 0 for"
                + " no limit)");
  }

  @Test
  void missingBucket_exitsWith2_andAOneLineMessageNamingIt() {
    String bucket = stack.uniqueName("missing");

    int exitCode = launcher.run("-rb", bucket, "-mwr", "5");

    assertThat(exitCode).isEqualTo(2);
    assertThat(launcher.err.toString().strip())
        .isEqualTo(
            "widgets producer: request bucket '%s' does not exist: create it (aws s3 mb s3://%s) or name an existing one with -rb"
                .formatted(bucket, bucket));
  }

  @Test
  void missingQueue_exitsWith2_andAOneLineMessageNamingIt() {
    String queue = stack.sqsEndpoint() + "/000000000000/" + stack.uniqueName("missing");

    int exitCode = launcher.run("-rq", queue, "-mwr", "5");

    assertThat(exitCode).isEqualTo(2);
    assertThat(launcher.err.toString().strip())
        .startsWith("widgets producer: request queue '%s' does not exist".formatted(queue))
        .doesNotContain("\n");
  }

  private List<String> keys(String bucket) {
    return stack.s3().listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  private ResponseBytes<GetObjectResponse> body(String bucket, String key) {
    return stack.s3().getObjectAsBytes(get -> get.bucket(bucket).key(key));
  }

  private List<Message> receiveAll(String queue, int expected) {
    List<Message> messages = new ArrayList<>();
    while (messages.size() < expected) {
      List<Message> received =
          stack
              .sqs()
              .receiveMessage(
                  receive ->
                      receive
                          .queueUrl(queue)
                          .maxNumberOfMessages(10)
                          .waitTimeSeconds(1)
                          .messageAttributeNames("All")
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages();
      if (received.isEmpty()) {
        break;
      }
      messages.addAll(received);
    }
    return messages;
  }
}
