package dev.widgetrequests.source.sqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Deletes handled messages ten at a time, then the S3 objects they pointed at. A message whose
 * delete fails comes back after its visibility timeout and is applied again, which is safe: every
 * request is idempotent once applied in order.
 */
final class BatchDeleter {
  private static final Logger log = LoggerFactory.getLogger(BatchDeleter.class);
  private static final int BATCH = 10;

  private final SqsClient sqs;
  private final S3Client s3;
  private final String queueUrl;
  private final List<SqsDelivery> pending = new ArrayList<>();

  BatchDeleter(SqsClient sqs, S3Client s3, String queueUrl) {
    this.sqs = sqs;
    this.s3 = s3;
    this.queueUrl = queueUrl;
  }

  void add(SqsDelivery delivery) {
    List<SqsDelivery> full = null;
    synchronized (pending) {
      pending.add(delivery);
      if (pending.size() >= BATCH) {
        full = takeAll();
      }
    }
    if (full != null) {
      delete(full);
    }
  }

  void deleteNow(SqsDelivery delivery) {
    delete(List.of(delivery));
  }

  void flush() {
    List<SqsDelivery> batch;
    synchronized (pending) {
      batch = takeAll();
    }
    for (int from = 0; from < batch.size(); from += BATCH) {
      delete(batch.subList(from, Math.min(batch.size(), from + BATCH)));
    }
  }

  private List<SqsDelivery> takeAll() {
    List<SqsDelivery> batch = new ArrayList<>(pending);
    pending.clear();
    return batch;
  }

  private void delete(List<SqsDelivery> batch) {
    if (batch.isEmpty()) {
      return;
    }
    Map<String, SqsDelivery> byEntryId = new java.util.LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      byEntryId.put(Integer.toString(i), batch.get(i));
    }
    DeleteMessageBatchResponse response =
        sqs.deleteMessageBatch(
            r ->
                r.queueUrl(queueUrl)
                    .entries(
                        byEntryId.entrySet().stream()
                            .map(
                                e ->
                                    DeleteMessageBatchRequestEntry.builder()
                                        .id(e.getKey())
                                        .receiptHandle(e.getValue().receiptHandle())
                                        .build())
                            .toList()));
    Map<String, BatchResultErrorEntry> failed =
        response.failed().stream()
            .collect(Collectors.toMap(BatchResultErrorEntry::id, Function.identity()));
    byEntryId.forEach(
        (id, delivery) -> {
          if (failed.containsKey(id)) {
            log.warn(
                "could not delete message {} ({}): it will be delivered again",
                delivery.messageId(),
                failed.get(id).message());
          } else if (delivery.pointer() != null) {
            var pointer = delivery.pointer();
            s3.deleteObject(r -> r.bucket(pointer.bucket()).key(pointer.key()));
          }
        });
  }
}
