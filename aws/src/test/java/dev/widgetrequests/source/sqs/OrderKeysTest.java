package dev.widgetrequests.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class OrderKeysTest {

  @Test
  void requestKeyAttribute_isTheOrderKey() {
    Message message =
        message("1615728964574", Map.of("request-key", text("String", "1615728964574-0002")));

    assertThat(OrderKeys.of(message)).isEqualTo("1615728964574-0002");
  }

  @Test
  void withoutRequestKey_sendTimeAndMessageId() {
    assertThat(OrderKeys.of(message("1615728964574", Map.of())))
        .isEqualTo("1615728964574-message-1");
  }

  @Test
  void blankOrNonStringRequestKey_isIgnored() {
    assertThat(OrderKeys.of(message("42", Map.of("request-key", text("String", " ")))))
        .isEqualTo("0000000000042-message-1");
    assertThat(OrderKeys.of(message("42", Map.of("request-key", text("Number", "7")))))
        .isEqualTo("0000000000042-message-1");
  }

  @Test
  void fifoMessage_sequenceNumberBreaksTies_inNumericOrder() {
    Message earlier = fifoMessage("1615728964574", "999");
    Message later = fifoMessage("1615728964574", "1000");

    assertThat(OrderKeys.of(earlier)).isLessThan(OrderKeys.of(later));
    assertThat(OrderKeys.of(later)).startsWith("1615728964574-0000").endsWith("1000");
  }

  @Test
  void unreadableSendTime_sortsFirst() {
    assertThat(OrderKeys.of(message("soon", Map.of()))).isEqualTo("0000000000000-message-1");
  }

  @Test
  void sendTimeKeys_compareWithProducerKeys() {
    String fromSendTime = OrderKeys.fromSentTimestamp("1615728964575", "a");
    assertThat("1615728964574-0001").isLessThan(fromSendTime);
    assertThat(fromSendTime).isLessThan("1615728964576");
  }

  private static Message message(String sentTimestamp, Map<String, MessageAttributeValue> attrs) {
    return Message.builder()
        .messageId("message-1")
        .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP, sentTimestamp))
        .messageAttributes(attrs)
        .build();
  }

  private static Message fifoMessage(String sentTimestamp, String sequenceNumber) {
    return Message.builder()
        .messageId("message-" + sequenceNumber)
        .attributes(
            Map.of(
                MessageSystemAttributeName.SENT_TIMESTAMP,
                sentTimestamp,
                MessageSystemAttributeName.SEQUENCE_NUMBER,
                sequenceNumber))
        .build();
  }

  private static MessageAttributeValue text(String type, String value) {
    return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
  }
}
