package dev.widgetrequests.bench;

import dev.widgetrequests.aws.source.sqs.SqsRequestSource;
import dev.widgetrequests.local.Metered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What the servers allow: many bare SDK loops at once making only the calls one request needs
 * (receive ten with their order keys, read each pointed-to object, write each, delete the ten in
 * one batch, delete each pointed-to object; for the bucket: read, write, delete each object), with
 * no parsing at all. A write is what the project's store sends for that request, built before the
 * drain and found by the request id in the body: for a table its {@code PutItem} ({@link
 * StoreWrites}), for widgets in S3 its state and widget objects and the look at the state ({@link
 * StoreObjects}); so the servers store the same items and objects for both.
 *
 * <p>{@link #plainWrites} is the same loops writing only the request body (an {@code {id, body}}
 * item, or one object), unconditionally: what the servers allow when the write costs them nothing,
 * to show how much of a path's time is the store's writes rather than the consumer.
 */
final class RawCeiling {
  static final int LOOPS = 128;

  private static final Pattern POINTER =
      Pattern.compile("\"s3BucketName\"\\s*:\\s*\"([^\"]+)\".*\"s3Key\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]+)\"");

  private final BenchClients clients;
  private final Resources resources;

  /** The store's writes by request id, for a table or for S3; both null for plain writes. */
  private final Map<String, PutItemRequest> items;

  private final Map<String, List<StoreObjects.Call>> objects;

  private final AtomicInteger handled = new AtomicInteger();
  private final AtomicInteger unwritten = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();
  private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
  private long start;

  private final String name;

  /**
   * @param sent what the producer filled the resources with: a table path writes the store's items
   *     for these requests
   */
  RawCeiling(BenchClients clients, Resources resources, Prefill.Sent sent) {
    this(clients, resources, sent, "raw ceiling");
  }

  /** The same loops under another name, e.g. to warm the servers up. */
  RawCeiling(BenchClients clients, Resources resources, Prefill.Sent sent, String name) {
    this(
        clients,
        resources,
        name,
        resources.path().table ? StoreWrites.of(sent.requests(), resources.table()) : null,
        resources.path().table ? null : StoreObjects.of(sent.requests()));
  }

  private RawCeiling(
      BenchClients clients,
      Resources resources,
      String name,
      Map<String, PutItemRequest> items,
      Map<String, List<StoreObjects.Call>> objects) {
    this.clients = clients;
    this.resources = resources;
    this.name = name;
    this.items = items;
    this.objects = objects;
  }

  /** The same loops and writes under another name, counting from nothing (e.g. a warm-up). */
  RawCeiling renamed(String otherName) {
    return new RawCeiling(clients, resources, otherName, items, objects);
  }

  /**
   * The loops writing the request body as an {@code {id, body}} item or an object, unconditionally.
   */
  static RawCeiling plainWrites(BenchClients clients, Resources resources) {
    return new RawCeiling(clients, resources, "plain writes", null, null);
  }

  Drain drain(int total, BenchProgress progress) {
    start = System.currentTimeMillis();
    // In a process of its own (CeilingProcess) there is no stack to ask: the bench counts there.
    boolean counting = resources.stack() != null;
    Metered before = counting ? resources.stack().metered() : null;
    ConcurrentLinkedQueue<String> keys = new ConcurrentLinkedQueue<>();
    if (!resources.path().queue) {
      keys.addAll(listAll());
    }
    try (ExecutorService loops = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < LOOPS; i++) {
        loops.execute(() -> loop(total, keys));
      }
      while (handled.get() < total && !loops.isTerminated()) {
        progress.show(name, handled.get(), total, start);
        sleep();
      }
    }
    List<Long> values = new ArrayList<>(latencies);
    long last = values.stream().mapToLong(Long::longValue).max().orElse(0);
    List<String> notes = new ArrayList<>();
    if (handled.get() < total) {
      notes.add("only " + handled.get() + " of " + total);
    }
    if (unwritten.get() > 0) {
      notes.add(unwritten.get() + " requests without a write");
    }
    if (conflicts.get() > 0) {
      // A message delivered again: its write found its own version stored.
      notes.add(conflicts.get() + " writes refused by their condition");
    }
    Metered metered = counting ? resources.stack().metered().minus(before) : null;
    return new Drain(
        name,
        handled.get(),
        last / 1000.0,
        Drain.latencies(values),
        -1,
        -1,
        -1,
        metered,
        String.join("; ", notes));
  }

  /** Requests handled so far in this drain. */
  int handled() {
    return handled.get();
  }

  private void loop(int total, ConcurrentLinkedQueue<String> keys) {
    int empty = 0;
    while (handled.get() < total && empty < 3) {
      int taken = resources.path().queue ? fromQueue() : fromBucket(keys.poll());
      empty = taken == 0 ? empty + 1 : 0;
    }
  }

  private int fromQueue() {
    String url = resources.queue().queueUrl();
    List<Message> messages =
        clients
            .sqs()
            // what the consumer asks for: the order keys and the delivery facts
            .receiveMessage(SqsRequestSource.receiveOf(url).waitTimeSeconds(1).build())
            .messages();
    if (messages.isEmpty()) {
      return 0;
    }
    List<Matcher> pointers = new ArrayList<>();
    for (Message message : messages) {
      String body = message.body();
      if (resources.path().pointers) {
        Matcher pointer = POINTER.matcher(body);
        if (pointer.find()) {
          pointers.add(pointer);
          body =
              clients
                  .s3()
                  .getObjectAsBytes(r -> r.bucket(pointer.group(1)).key(pointer.group(2)))
                  .asUtf8String();
        }
      }
      write(message.messageId(), body);
    }
    clients.sqs().deleteMessageBatch(r -> r.queueUrl(url).entries(entries(messages)));
    for (Matcher pointer : pointers) {
      clients.s3().deleteObject(r -> r.bucket(pointer.group(1)).key(pointer.group(2)));
    }
    finished(messages.size());
    return messages.size();
  }

  private int fromBucket(String key) {
    if (key == null) {
      return 0;
    }
    String bucket = resources.requestBucket();
    String body = clients.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    write(key, body);
    clients.s3().deleteObject(r -> r.bucket(bucket).key(key));
    finished(1);
    return 1;
  }

  private void write(String id, String body) {
    if (items != null) {
      writeStoreItem(body);
    } else if (objects != null) {
      sendStoreObjects(body);
    } else if (resources.path().table) {
      Map<String, AttributeValue> item =
          Map.of("id", AttributeValue.fromS(id), "body", AttributeValue.fromS(body));
      clients.dynamoDb().putItem(r -> r.tableName(resources.table()).item(item));
    } else {
      clients
          .s3()
          .putObject(
              r -> r.bucket(resources.widgetBucket()).key("widgets/" + id),
              RequestBody.fromString(body));
    }
  }

  private void writeStoreItem(String body) {
    PutItemRequest put = lookUp(items, body);
    if (put == null) {
      return;
    }
    try {
      clients.dynamoDb().putItem(put);
    } catch (ConditionalCheckFailedException delivered) {
      conflicts.incrementAndGet();
    }
  }

  private void sendStoreObjects(String body) {
    List<StoreObjects.Call> calls = lookUp(objects, body);
    if (calls == null) {
      return;
    }
    for (StoreObjects.Call call : calls) {
      call.send(clients.s3(), resources.widgetBucket());
    }
  }

  /** The store's write for the request in {@code body}, counted as missing when there is none. */
  private <T> T lookUp(Map<String, T> writes, String body) {
    Matcher requestId = REQUEST_ID.matcher(body);
    T write = requestId.find() ? writes.get(requestId.group(1)) : null;
    if (write == null) {
      unwritten.incrementAndGet(); // none of the producer's, unless it repeated one
    }
    return write;
  }

  private void finished(int count) {
    handled.addAndGet(count);
    long at = System.currentTimeMillis() - start;
    for (int i = 0; i < count; i++) {
      latencies.add(at);
    }
  }

  private List<String> listAll() {
    return clients
        .s3()
        .listObjectsV2Paginator(r -> r.bucket(resources.requestBucket()))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  private static List<DeleteMessageBatchRequestEntry> entries(List<Message> messages) {
    List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      entries.add(
          DeleteMessageBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(messages.get(i).receiptHandle())
              .build());
    }
    return entries;
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
