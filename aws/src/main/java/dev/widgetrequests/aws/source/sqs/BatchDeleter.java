package dev.widgetrequests.aws.source.sqs;

import dev.widgetrequests.aws.AwsFailures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * Deletes handled messages ten at a time, off the hot path: the tenth message added sends its full
 * batch on a sender thread at once, and a background flusher sends a partial batch once its oldest
 * message has waited a little; the sender then deletes the S3 objects the messages pointed at.
 * Entries that fail are sent again, exactly those, a few times; a message whose delete still fails
 * comes back after its visibility timeout and is applied again, which is safe: the stores recognise
 * a request already folded in.
 */
final class BatchDeleter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BatchDeleter.class);
  private static final int BATCH = 10;
  private static final int ATTEMPTS = 4;
  private static final long LINGER_MILLIS = 50;
  private static final int MAX_IN_FLIGHT = 32;

  private final SqsClient sqs;
  private final S3Client s3;
  private final String queueUrl;
  private final List<SqsDelivery> pending = new ArrayList<>();
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private Thread flusher;
  private long oldestPendingAt;

  BatchDeleter(SqsClient sqs, S3Client s3, String queueUrl) {
    this.sqs = sqs;
    this.s3 = s3;
    this.queueUrl = queueUrl;
  }

  /**
   * Deletes the message soon, in a batch with others; the tenth sends the batch (waiting while the
   * most deletes are in flight that may be).
   */
  void add(SqsDelivery delivery) {
    List<SqsDelivery> full = null;
    synchronized (pending) {
      if (pending.isEmpty()) {
        oldestPendingAt = System.nanoTime();
      }
      pending.add(delivery);
      if (flusher == null) {
        flusher = Thread.ofVirtual().name("sqs-deleter").start(this::flushInBackground);
      }
      if (pending.size() >= BATCH) {
        full = new ArrayList<>(pending.subList(0, BATCH));
        pending.subList(0, BATCH).clear();
        oldestPendingAt = System.nanoTime();
      }
    }
    if (full != null) {
      send(full);
    }
  }

  /** Deletes the message now, on this thread. */
  void deleteNow(SqsDelivery delivery) {
    delete(List.of(delivery));
  }

  /** Deletes everything added so far and waits until every delete sent has finished. */
  void flush() {
    List<SqsDelivery> all;
    synchronized (pending) {
      all = new ArrayList<>(pending);
      pending.clear();
    }
    for (int from = 0; from < all.size(); from += BATCH) {
      send(all.subList(from, Math.min(all.size(), from + BATCH)));
    }
    inFlight.acquireUninterruptibly(MAX_IN_FLIGHT);
    inFlight.release(MAX_IN_FLIGHT);
  }

  @Override
  public void close() {
    Thread thread;
    synchronized (pending) {
      thread = flusher;
      flusher = null;
    }
    if (thread != null) {
      thread.interrupt();
    }
    flush();
    senders.close();
  }

  private void flushInBackground() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        List<SqsDelivery> batch = nextBatch();
        if (!batch.isEmpty()) {
          send(batch);
        }
      }
    } catch (InterruptedException stopped) {
      // close() flushes what is left
    }
  }

  /** A full batch as soon as there is one; a partial one once its oldest has waited a little. */
  private List<SqsDelivery> nextBatch() throws InterruptedException {
    synchronized (pending) {
      while (pending.size() < BATCH) {
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - oldestPendingAt);
        if (!pending.isEmpty() && waited >= LINGER_MILLIS) {
          break;
        }
        pending.wait(pending.isEmpty() ? 1000 : Math.max(1, LINGER_MILLIS - waited));
      }
      List<SqsDelivery> batch =
          new ArrayList<>(pending.subList(0, Math.min(BATCH, pending.size())));
      pending.subList(0, batch.size()).clear();
      oldestPendingAt = System.nanoTime();
      return batch;
    }
  }

  private void send(List<SqsDelivery> batch) {
    List<SqsDelivery> copy = List.copyOf(batch);
    inFlight.acquireUninterruptibly();
    try {
      senders.execute(
          () -> {
            try {
              delete(copy);
            } catch (RuntimeException unexpected) {
              log.warn(
                  "deleting {} messages failed: they come back ({})",
                  copy.size(),
                  unexpected.toString());
            } finally {
              inFlight.release();
            }
          });
    } catch (RuntimeException closed) {
      inFlight.release();
      delete(copy);
    }
  }

  /**
   * Deletes the batch, sending entries that failed inside an answer again (the SDK cannot see
   * those; it retries only the call); then the objects of the deleted ones.
   */
  private void delete(List<SqsDelivery> batch) {
    List<SqsDelivery> left = batch;
    List<SqsDelivery> deleted = new ArrayList<>();
    for (int attempt = 1; !left.isEmpty(); attempt++) {
      List<SqsDelivery> failed;
      List<SqsDelivery> refused = List.of();
      try {
        Attempt result = deleteOnce(left);
        failed = result.retry();
        refused = result.refused();
      } catch (SdkException failure) {
        // The SDK retried this call already; only entries failed inside an answer are sent again.
        log.warn(
            "could not delete {} messages ({}): they will be delivered again",
            left.size(),
            AwsFailures.translate(failure).describe());
        break;
      }
      for (SqsDelivery delivery : left) {
        if (!failed.contains(delivery) && !refused.contains(delivery)) {
          deleted.add(delivery);
        }
      }
      left = failed;
      if (!left.isEmpty() && attempt < ATTEMPTS) {
        pause(attempt);
      } else if (!left.isEmpty()) {
        left.forEach(
            d ->
                log.warn("could not delete message {}: it will be delivered again", d.messageId()));
        break;
      }
    }
    for (SqsDelivery delivery : deleted) {
      if (delivery.pointer() != null) {
        deleteObject(delivery.pointer());
      }
    }
  }

  /**
   * Deletes the request object only while it is the version read (If-Match its ETag): one rewritten
   * since holds a request nobody has read, and stays.
   */
  private void deleteObject(MessageBody.Pointer pointer) {
    try {
      s3.deleteObject(r -> r.bucket(pointer.bucket()).key(pointer.key()).ifMatch(pointer.eTag()));
    } catch (S3Exception refused) {
      if (refused.statusCode() == 412) {
        log.info(
            "s3://{}/{} was rewritten since it was read: left in place",
            pointer.bucket(),
            pointer.key());
      } else if (refused.statusCode() != 404) {
        log.warn(
            "could not delete s3://{}/{}: it stays ({})",
            pointer.bucket(),
            pointer.key(),
            refused.toString());
      }
    }
  }

  /** The entries of one DeleteMessageBatch that failed: worth sending again, or not. */
  private record Attempt(List<SqsDelivery> retry, List<SqsDelivery> refused) {}

  private Attempt deleteOnce(List<SqsDelivery> batch) {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(batch.get(i).receiptHandle())
              .build());
    }
    var response = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
    List<SqsDelivery> retry = new ArrayList<>();
    List<SqsDelivery> refused = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (BatchResultErrorEntry failure : response.failed()) {
      SqsDelivery delivery = batch.get(Integer.parseInt(failure.id()));
      if (!seen.add(failure.id())) {
        continue;
      }
      if (failure.senderFault()) {
        // An expired or invalid receipt handle: sending it again cannot help.
        log.warn(
            "could not delete message {} ({}): it will be delivered again",
            delivery.messageId(),
            failure.message());
        refused.add(delivery);
      } else {
        retry.add(delivery);
      }
    }
    return new Attempt(retry, refused);
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L << attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
