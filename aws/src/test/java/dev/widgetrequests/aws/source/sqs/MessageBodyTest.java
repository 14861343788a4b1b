package dev.widgetrequests.aws.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageBodyTest {
  private static final String CREATE =
      "\"type\":\"create\",\"requestId\":\"r\",\"widgetId\":\"w\",\"owner\":\"Mary Matthews\"";

  @Test
  void extendedClientPointer_isAPointer() {
    String body =
        "[\"software.amazon.payloadoffloading.PayloadS3Pointer\","
            + "{\"s3BucketName\":\"payloads\",\"s3Key\":\"1615728964574-0001\"}]";
    assertThat(MessageBody.of(body))
        .isEqualTo(new MessageBody.Pointer("payloads", "1615728964574-0001"));
  }

  @Test
  void s3Event_isAPointer_withTheKeyFormDecoded() {
    String body =
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"requests\"},"
            + "\"object\":{\"key\":\"a+b%2Fc%C3%A9\"}}}]}";
    assertThat(MessageBody.of(body)).isEqualTo(new MessageBody.Pointer("requests", "a b/cé"));
  }

  @Test
  void request_carryingRecords_isARequest_notAPointer() {
    String body =
        "{"
            + CREATE
            + ",\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"widgets\"},"
            + "\"object\":{\"key\":\"widgets/mary-matthews/victim\"}}}]}";
    assertThat(MessageBody.of(body)).isEqualTo(new MessageBody.Inline(body));
  }

  @ParameterizedTest
  @ValueSource(strings = {"%zz", "%", "abc%4", "%%41", "%C3", "%FF%FE"})
  void s3Event_withABrokenEscape_isRejectedWithAReason(String key) {
    String body =
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"requests\"},\"object\":{\"key\":\""
            + key
            + "\"}}}]}";
    assertThat(MessageBody.of(body))
        .isInstanceOfSatisfying(
            MessageBody.Rejected.class,
            r -> assertThat(r.reason()).contains("S3 event object key"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[\"software.amazon.payloadoffloading.PayloadS3Pointer\"]",
        "[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":\"b\"}]",
        "[\"software.amazon.payloadoffloading.PayloadS3Pointer\",{\"s3BucketName\":1,\"s3Key\":2}]",
        "{\"Records\":[]}",
        "{\"Records\":{}}",
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"\"}}}]}",
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}},{}]}"
      })
  void brokenPointers_areRejected(String body) {
    assertThat(MessageBody.of(body)).isInstanceOf(MessageBody.Rejected.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "not json", "{", "[1,2", "null", "{\"Records\":"})
  void anythingElse_isInline(String body) {
    assertThat(MessageBody.of(body)).isEqualTo(new MessageBody.Inline(body));
  }

  @Test
  void deepNesting_isInline_forTheParserToReject() {
    String body = "[".repeat(100_000) + "]".repeat(100_000);
    assertThat(MessageBody.of(body)).isInstanceOf(MessageBody.Inline.class);
  }

  @Test
  void s3TestEvent_isRecognised() {
    assertThat(MessageBody.of("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}"))
        .isInstanceOf(MessageBody.S3TestEvent.class);
  }
}
