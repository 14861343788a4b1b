package dev.widgetrequests.aws.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.source.s3.RequestObjects;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.model.config.MessageSize;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.OrderKeyCheck;
import dev.widgetrequests.model.source.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The message size setting at both ends, on the local stack: requests up to it are read whole,
 * inline or from an object, and dead-lettered inline; one byte more is too large.
 */
@ExtendWith(LocalStackExtension.class)
class MessageSizeIT {
  private static final MessageSize ONE_MIB = new MessageSize(MessageSize.MAX_BYTES);

  /** A valid request of exactly {@code bytes} UTF-8 bytes. */
  private static String requestOf(int bytes) {
    String start =
        "{\"type\":\"create\",\"requestId\":\"r\",\"widgetId\":\"w\",\"owner\":\"Sue Smith\",\"label\":\"";
    String end = "\"}";
    return start + "x".repeat(bytes - start.length() - end.length()) + end;
  }

  private static String pointer(String bucket, String key) {
    return "[\"software.amazon.payloadoffloading.PayloadS3Pointer\","
        + "{\"s3BucketName\":\"%s\",\"s3Key\":\"%s\"}]".formatted(bucket, key);
  }

  private static List<SqsDelivery> pollAll(SqsRequestSource source, int count) {
    List<SqsDelivery> all = new ArrayList<>();
    for (int i = 0; i < 20 && all.size() < count; i++) {
      all.addAll(source.poll());
    }
    return all;
  }

  @Test
  void objectReads_takeUpToTheSetting_andNotOneByteMore(LocalStack stack) {
    String bucket = stack.createBucket(stack.uniqueName("payloads"));
    stack
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("at"),
            RequestBody.fromString(requestOf(MessageSize.MAX_BYTES)));
    stack
        .s3()
        .putObject(
            r -> r.bucket(bucket).key("over"),
            RequestBody.fromString(requestOf(MessageSize.MAX_BYTES + 1)));
    stack
        .s3()
        .putObject(r -> r.bucket(bucket).key("mid"), RequestBody.fromString(requestOf(300 * 1024)));

    RequestObjects large = new RequestObjects(stack.s3(), ONE_MIB);
    RequestObjects standard = new RequestObjects(stack.s3());

    assertThat(large.read(bucket, "at"))
        .isInstanceOfSatisfying(
            RequestObjects.Text.class,
            text -> assertThat(text.body()).isEqualTo(requestOf(MessageSize.MAX_BYTES)));
    assertThat(large.read(bucket, "over"))
        .isInstanceOfSatisfying(
            RequestObjects.Unusable.class,
            unusable -> assertThat(unusable.reason()).startsWith("object over 1 MiB"));
    assertThat(large.read(bucket, "mid")).isInstanceOf(RequestObjects.Text.class);
    assertThat(standard.read(bucket, "mid"))
        .isInstanceOfSatisfying(
            RequestObjects.Unusable.class,
            unusable -> assertThat(unusable.reason()).startsWith("object over 256 KiB"));
  }

  @Test
  void inlineRequestBetween256KiBAndTheSetting_isReadWhole_andParsesOnlyUnderTheSetting(
      LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("large"));
    String request = requestOf(700 * 1024);
    stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(request));
    SqsRequestSource source =
        new SqsRequestSource(
            stack.sqs(),
            stack.s3(),
            queueUrl,
            null,
            0,
            60,
            Set.of(),
            OrderKeyCheck.DEFAULT,
            ONE_MIB);

    assertThat(pollAll(source, 1)).singleElement().extracting(SqsDelivery::body).isEqualTo(request);
    assertThat(new RequestParser(ONE_MIB).parse(request)).isInstanceOf(ParseResult.Valid.class);
    assertThat(new RequestParser().parse(request))
        .isInstanceOfSatisfying(
            ParseResult.Invalid.class,
            invalid ->
                assertThat(invalid.violations().getFirst().message())
                    .startsWith("larger than 262144 bytes"));
    source.close();
  }

  @Test
  void claimCheckedRequestOver240KiB_isDeadLetteredInline_whenTheSettingLetsItFit(
      LocalStack stack) {
    String queueUrl = stack.createQueue(stack.uniqueName("large"));
    String deadLetters = stack.createQueue(stack.uniqueName("large-dlq"));
    String bucket = stack.createBucket(stack.uniqueName("payloads"));
    String request = requestOf(500 * 1024);
    stack.s3().putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString(request));
    stack.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(pointer(bucket, "k")));
    SqsRequestSource source =
        new SqsRequestSource(
            stack.sqs(),
            stack.s3(),
            queueUrl,
            deadLetters,
            0,
            60,
            Set.of(bucket),
            OrderKeyCheck.DEFAULT,
            ONE_MIB);

    SqsDelivery delivery =
        ((Resolution.Ready<SqsDelivery>) source.resolve(pollAll(source, 1).getFirst())).delivery();
    source.deadLetter(delivery, "refused for the test");
    source.close();

    List<Message> dead =
        stack.sqs().receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(1)).messages();
    assertThat(dead).singleElement().extracting(Message::body).isEqualTo(request);
  }
}
