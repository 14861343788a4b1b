package dev.widgetrequests.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.WidgetRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Feeds hostile inputs through the queue and bucket boundaries of one {@link Pipeline}, noting in
 * {@link HostileExpectations} what each must come to.
 */
final class HostileFeeds {
  /** Objects in the trusted payload bucket that no pointer may make the consumer touch. */
  static final List<String> PROTECTED =
      List.of("huge/at-limit-plus-one", "huge/300k", "huge/3m", "bad/not-utf8", "bad/latin1");

  private final Pipeline pipeline;
  private final String payloads;
  private final String otherBucket;
  private final HostileExpectations expect;
  private final Random random = new Random(1104);
  private static final int PARALLEL = 24;
  private final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore inFlight = new Semaphore(PARALLEL);

  HostileFeeds(Pipeline pipeline, String payloads, String otherBucket, HostileExpectations expect) {
    this.pipeline = pipeline;
    this.payloads = payloads;
    this.otherBucket = otherBucket;
    this.expect = expect;
  }

  void putProtectedObjects() {
    int limit = 256 * 1024;
    put(payloads, PROTECTED.get(0), validPadded(limit + 1));
    put(payloads, PROTECTED.get(1), validPadded(300 * 1024));
    put(payloads, PROTECTED.get(2), new byte[3 * 1024 * 1024]);
    put(payloads, PROTECTED.get(3), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
    put(
        payloads,
        PROTECTED.get(4),
        "{\"owner\":\"Zo\u00eb\"}".getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Request bodies straight onto the queue; SQS itself refuses some, which are not inputs. */
  void queueBodies(int count) {
    HostileBodies bodies = new HostileBodies(11, "queue");
    while (expect.fedQueue < count) {
      byte[] body = bodies.body(bodies.nextInt(HostileBodies.KINDS));
      if (!sqsCanCarry(body)) {
        continue;
      }
      WidgetRequest request = HostileExpectations.valid(body);
      send(
          new String(body, StandardCharsets.UTF_8),
          id -> {
            if (request == null) {
              expect.dead(id);
            } else {
              expect.applied(id, request);
            }
          });
      expect.fedQueue++;
    }
  }

  /** Pointers into every bucket, to objects of every kind, whole and broken. */
  void pointers(int count) {
    HostileBodies bodies = new HostileBodies(12, "pointer");
    String widgets = pipeline.widgetBucket;
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(10);
      if (roll < 2) { // the attack and its kin: into the widget bucket
        String key = "widgets/mary-matthews/victim-" + random.nextInt(HostileBodies.VICTIMS);
        String target = random.nextInt(4) == 0 ? "widget-state/victim-0" : key;
        send(HostilePointers.pointerBody(random, widgets, target), expect::dead);
      } else if (roll < 3) { // another bucket, existing or not
        String bucket = random.nextBoolean() ? otherBucket : "no-such-bucket-" + i;
        send(HostilePointers.pointerBody(random, bucket, "secret/" + (i % 3)), expect::dead);
      } else if (roll < 4) { // broken shapes and escapes
        send(HostilePointers.brokenPointerBody(random, payloads, "k" + i), expect::dead);
      } else if (roll < 5) { // trusted bucket, objects too large or not UTF-8
        String key = PROTECTED.get(random.nextInt(PROTECTED.size()));
        send(HostilePointers.pointerBody(random, payloads, key), expect::dead);
      } else if (roll < 6 && i % 5 == 0) { // trusted bucket, nothing there
        send(HostilePointers.pointerBody(random, payloads, "missing/" + i), expect::discarded);
      } else { // trusted bucket, a hostile body in an object
        byte[] body = bodies.body(bodies.nextInt(HostileBodies.KINDS));
        List<String> keys =
            HostilePointers.ENCODED_KEYS.get(i % HostilePointers.ENCODED_KEYS.size());
        String key = "p/" + i + "/" + keys.get(0);
        String pointer =
            random.nextBoolean()
                ? HostilePointers.extendedClientBody(payloads, key)
                : HostilePointers.s3EventBody(payloads, "p%2F" + i + "%2F" + keys.get(1));
        WidgetRequest request = HostileExpectations.valid(body);
        // The object first: a pointer to nothing would be discarded, not applied.
        putLater(
            payloads,
            key,
            body,
            () -> {
              String id = sendNow(pointer);
              if (request == null) {
                expect.dead(id);
              } else {
                expect.applied(id, request);
              }
            });
      }
      expect.fedPointers++;
    }
  }

  /** Objects in the request bucket, read by the bucket source. */
  void bucketObjects(int count) {
    HostileBodies bodies = new HostileBodies(13, "object");
    List<String> oddSuffixes = List.of("", " b", "/\u00fc", "+%zz", "\u00a0", "%2e%2e");
    for (int i = 0; i < count; i++) {
      byte[] body = bodies.body(bodies.nextInt(HostileBodies.KINDS));
      putLater(
          pipeline.requestBucket,
          "%013d".formatted(i) + oddSuffixes.get(i % oddSuffixes.size()),
          body,
          () -> expect.object(body));
      expect.fedObjects++;
    }
  }

  private String sendNow(String body) {
    return pipeline
        .stack
        .sqs()
        .sendMessage(r -> r.queueUrl(pipeline.queue.queueUrl()).messageBody(body))
        .messageId();
  }

  /** Sends on a virtual thread, then tells {@code then} the message id; see {@link #await}. */
  private void send(String body, Consumer<String> then) {
    inFlight.acquireUninterruptibly();
    io.submit(
        () -> {
          try {
            then.accept(sendNow(body));
          } finally {
            inFlight.release();
          }
        });
  }

  private void put(String bucket, String key, byte[] body) {
    pipeline.stack.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body));
  }

  private void putLater(String bucket, String key, byte[] body, Runnable then) {
    inFlight.acquireUninterruptibly();
    io.submit(
        () -> {
          try {
            put(bucket, key, body);
            then.run();
          } finally {
            inFlight.release();
          }
        });
  }

  /** Waits until everything sent and put has arrived. */
  void await() {
    inFlight.acquireUninterruptibly(PARALLEL);
    inFlight.release(PARALLEL);
  }

  private static byte[] validPadded(int size) {
    String create =
        "{\"type\":\"create\",\"requestId\":\"r\",\"widgetId\":\"huge\",\"owner\":\"Eve\"}";
    byte[] bytes = (create + " ".repeat(size - create.length())).getBytes(StandardCharsets.UTF_8);
    assertThat(bytes).hasSize(size);
    return bytes;
  }

  /** SQS takes UTF-8 text of tab, newline, return and U+0020 up, without U+FFFE / U+FFFF. */
  static boolean sqsCanCarry(byte[] body) {
    if (body.length == 0 || body.length > 250 * 1024 || !HostileEvents.isUtf8(body)) {
      return false;
    }
    return new String(body, StandardCharsets.UTF_8)
        .codePoints()
        .allMatch(c -> c == 9 || c == 10 || c == 13 || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF));
  }
}
