package dev.widgetrequests.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.lambda.queue.SqsRequestQueue;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import dev.widgetrequests.local.QueuePair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The request handler's queue on a FIFO queue: one message group per widget, in order. */
@ExtendWith(LocalStackExtension.class)
class FifoRequestQueueIT {

  @Test
  void send_toFifoQueue_groupsMessagesByWidget_andKeepsTheirOrder(LocalStack stack) {
    QueuePair fifo = stack.createFifoQueueWithDeadLetter(stack.uniqueName("requests"));
    var queue = new SqsRequestQueue(stack.sqs(), fifo.queueUrl());

    for (int i = 0; i < 5; i++) {
      queue.send("{\"n\":" + i + "}", "w-1", Map.of());
    }
    queue.send("{\"other\":true}", "w-2", Map.of());

    List<Message> received =
        stack
            .sqs()
            .receiveMessage(
                r ->
                    r.queueUrl(fifo.queueUrl())
                        .maxNumberOfMessages(10)
                        .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))
            .messages();
    List<String> w1 =
        received.stream()
            .filter(
                m -> "w-1".equals(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)))
            .map(Message::body)
            .toList();
    assertThat(w1).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
    assertThat(received).hasSize(6);
  }

  @Test
  void send_toStandardQueue_setsNoGroup(LocalStack stack) {
    String url = stack.createQueue(stack.uniqueName("requests"));

    new SqsRequestQueue(stack.sqs(), url).send("{}", "w-1", Map.of());

    Message message =
        stack
            .sqs()
            .receiveMessage(
                r ->
                    r.queueUrl(url)
                        .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))
            .messages()
            .getFirst();
    assertThat(message.attributes()).doesNotContainKey(MessageSystemAttributeName.MESSAGE_GROUP_ID);
  }
}
