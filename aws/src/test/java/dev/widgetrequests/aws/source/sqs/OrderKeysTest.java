package dev.widgetrequests.aws.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.source.OrderKeyCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class OrderKeysTest {
  private static final OrderKeyCheck CHECK = OrderKeyCheck.DEFAULT;

  private static String keyOf(Message message) {
    return OrderKeys.of(message, CHECK).key();
  }

  @Test
  void requestKeyAttribute_withinBoundsOfTheSendTime_isTheOrderKey() {
    Message message =
        message("1615728964574", Map.of("request-key", text("String", "1615728964570-0002-ab")));

    assertThat(keyOf(message)).isEqualTo("1615728964570-0002-ab");
    assertThat(OrderKeys.of(message, CHECK).claimKept()).isTrue();
  }

  @Test
  void requestKeyFarInTheFuture_isReplacedByTheSendTime_andSaysWhy() {
    Message message =
        message("1615728964574", Map.of("request-key", text("String", "9999999999999-0000-a")));

    var key = OrderKeys.of(message, CHECK);

    assertThat(key.key()).isEqualTo("1615728964574-message-1");
    assertThat(key.outOfBounds()).startsWith("key out of bounds");
  }

  @Test
  void requestKeyFarInThePast_isReplacedByTheSendTime() {
    Message message =
        message("1615728964574", Map.of("request-key", text("String", "0000000000001-0000-a")));

    assertThat(keyOf(message)).isEqualTo("1615728964574-message-1");
  }

  @Test
  void withoutRequestKey_sendTimeAndMessageId() {
    assertThat(keyOf(message("1615728964574", Map.of()))).isEqualTo("1615728964574-message-1");
    assertThat(OrderKeys.of(message("1615728964574", Map.of()), CHECK).claimKept()).isTrue();
  }

  @Test
  void blankOrNonStringRequestKey_isNoClaim() {
    assertThat(keyOf(message("42", Map.of("request-key", text("String", " ")))))
        .isEqualTo("0000000000042-message-1");
    assertThat(keyOf(message("42", Map.of("request-key", text("Number", "7")))))
        .isEqualTo("0000000000042-message-1");
  }

  @Test
  void fifoMessage_sequenceNumberBreaksTies_inNumericOrder() {
    Message earlier = fifoMessage("1615728964574", "999");
    Message later = fifoMessage("1615728964574", "1000");

    assertThat(keyOf(earlier)).isLessThan(keyOf(later));
    assertThat(keyOf(later)).startsWith("1615728964574-0000").endsWith("1000");
  }

  @Test
  void unreadableSendTime_sortsFirst() {
    assertThat(keyOf(message("soon", Map.of()))).isEqualTo("0000000000000-message-1");
  }

  @Test
  void sendTimeKeys_compareWithProducerKeys() {
    String fromSendTime = OrderKeyCheck.trustedKey(1615728964575L, "a");
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
