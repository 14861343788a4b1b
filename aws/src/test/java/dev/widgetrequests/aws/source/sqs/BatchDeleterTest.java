package dev.widgetrequests.aws.source.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The deleter against a client that answers from memory: what it sends, and sends again. */
class BatchDeleterTest {

  /** An SQS client that deletes receipt handles and fails the ones it is told to. */
  private static final class FakeSqs implements SqsClient {
    final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    final Set<String> deleted = ConcurrentHashMap.newKeySet();

    /** Receipt → how many more times its entry fails inside an answer (the service's fault). */
    final Map<String, Integer> failTimes = new ConcurrentHashMap<>();

    /** Receipts refused as the sender's fault (an expired receipt handle). */
    final Set<String> refused = ConcurrentHashMap.newKeySet();

    volatile boolean callFails;

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
      calls.add(
          request.entries().stream().map(DeleteMessageBatchRequestEntry::receiptHandle).toList());
      if (callFails) {
        throw SqsException.builder().message("service unavailable").statusCode(503).build();
      }
      List<BatchResultErrorEntry> failed = new ArrayList<>();
      for (DeleteMessageBatchRequestEntry entry : request.entries()) {
        String receipt = entry.receiptHandle();
        if (refused.contains(receipt)) {
          failed.add(error(entry.id(), true));
        } else if (failTimes.getOrDefault(receipt, 0) > 0) {
          failTimes.merge(receipt, -1, Integer::sum);
          failed.add(error(entry.id(), false));
        } else {
          deleted.add(receipt);
        }
      }
      return DeleteMessageBatchResponse.builder().failed(failed).build();
    }

    private static BatchResultErrorEntry error(String id, boolean senderFault) {
      return BatchResultErrorEntry.builder()
          .id(id)
          .senderFault(senderFault)
          .code(senderFault ? "ReceiptHandleIsInvalid" : "InternalError")
          .message("failed")
          .build();
    }

    @Override
    public String serviceName() {
      return "sqs";
    }

    @Override
    public void close() {}
  }

  private final FakeSqs sqs = new FakeSqs();
  private final BatchDeleter deleter = new BatchDeleter(sqs, null, "http://queue");

  private static SqsDelivery message(int n) {
    return new SqsDelivery("m-" + n, "r-" + n, "{}", "key-" + n, null, 1);
  }

  @Test
  void deletesInBatchesOfTen_eachMessageOnce() {
    for (int i = 0; i < 25; i++) {
      deleter.add(message(i));
    }
    deleter.flush();

    assertThat(sqs.calls).allMatch(call -> call.size() <= 10);
    assertThat(sqs.calls.stream().mapToInt(List::size).sum()).isEqualTo(25);
    assertThat(sqs.calls.stream().filter(call -> call.size() == 10)).hasSize(2);
    assertThat(sqs.deleted).hasSize(25);
  }

  @Test
  void anEntryFailedInsideTheAnswer_isSentAgainAlone_untilItIsDeleted() {
    sqs.failTimes.put("r-3", 2);
    for (int i = 0; i < 10; i++) {
      deleter.add(message(i));
    }
    deleter.flush();

    assertThat(sqs.calls).hasSize(3);
    assertThat(sqs.calls.get(1)).containsExactly("r-3");
    assertThat(sqs.calls.get(2)).containsExactly("r-3");
    assertThat(sqs.deleted).hasSize(10);
  }

  @Test
  void anEntryThatKeepsFailing_isSentFourTimes_thenLeftToComeBack() {
    sqs.failTimes.put("r-0", 100);
    deleter.deleteNow(message(0));

    assertThat(sqs.calls).hasSize(4);
    assertThat(sqs.deleted).isEmpty();
  }

  @Test
  void anExpiredReceipt_isNotSentAgain() {
    sqs.refused.add("r-1");
    deleter.deleteNow(message(1));

    assertThat(sqs.calls).containsExactly(List.of("r-1"));
  }

  @Test
  void aFailedCall_isNotSentAgain_theSdkRetriedItAlready() {
    sqs.callFails = true;
    deleter.deleteNow(message(2));

    assertThat(sqs.calls).hasSize(1);
    assertThat(sqs.deleted).isEmpty();
  }
}
