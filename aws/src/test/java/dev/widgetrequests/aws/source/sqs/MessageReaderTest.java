package dev.widgetrequests.aws.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.source.s3.RequestObjects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The trust rules, which decide before any object is read (the S3 client is never called). */
class MessageReaderTest {
  private final MessageReader reader =
      new MessageReader(new RequestObjects(null), Set.of("widget-request-payloads"));

  @Test
  void pointerIntoTheWidgetBucket_isRefused_unread() {
    String body =
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"widgets\"},"
            + "\"object\":{\"key\":\"widgets/mary-matthews/victim\"}}}]}";

    assertThat(reader.read(body))
        .isInstanceOfSatisfying(
            MessageReader.Refuse.class,
            refuse ->
                assertThat(refuse.reason())
                    .contains("s3://widgets/widgets/mary-matthews/victim")
                    .contains("not a request bucket this consumer trusts")
                    .contains("widget-request-payloads"));
  }

  @Test
  void extendedClientPointerIntoAnotherBucket_isRefused() {
    String body =
        "[\"software.amazon.payloadoffloading.PayloadS3Pointer\","
            + "{\"s3BucketName\":\"secrets\",\"s3Key\":\"k\"}]";

    assertThat(reader.read(body)).isInstanceOf(MessageReader.Refuse.class);
  }

  @Test
  void malformedEscape_isRefusedWithItsReason() {
    String body =
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"widget-request-payloads\"},"
            + "\"object\":{\"key\":\"%zz\"}}}]}";

    assertThat(reader.read(body))
        .isEqualTo(
            new MessageReader.Refuse(
                "S3 event object key has a malformed %-escape at character 0: %zz"));
  }

  @Test
  void requestCarryingRecords_isARequest() {
    String body =
        "{\"type\":\"create\",\"requestId\":\"r\",\"widgetId\":\"w\",\"owner\":\"Eve\","
            + "\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"widgets\"},"
            + "\"object\":{\"key\":\"widgets/mary-matthews/victim\"}}}]}";

    assertThat(reader.read(body)).isEqualTo(new MessageReader.Request(body, null));
  }

  @Test
  void s3TestEvent_isDiscarded() {
    assertThat(reader.read("{\"Event\":\"s3:TestEvent\"}"))
        .isInstanceOf(MessageReader.Discard.class);
  }
}
