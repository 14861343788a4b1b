package dev.widgetrequests.bench;

import dev.widgetrequests.local.LocalStack;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the first {@code ReceiveMessage} after this was made reached the stack: with the queue full
 * beforehand, the consumer takes its first messages in that call's answer, at most one call's
 * latency later. Read from the stack's call counts in this JVM every {@value #POLL_MILLIS} ms, so
 * the watching makes no call of its own.
 */
final class FirstReceive implements AutoCloseable {
  static final long POLL_MILLIS = 2;
  private static final String RECEIVE = "SQS ReceiveMessage";

  private final AtomicLong at = new AtomicLong();
  private final Thread watcher;

  FirstReceive(LocalStack stack) {
    long before = stack.metered().calls(RECEIVE);
    this.watcher =
        Thread.ofPlatform()
            .daemon()
            .name("bench-first-receive")
            .start(
                () -> {
                  try {
                    while (stack.metered().calls(RECEIVE) == before) {
                      Thread.sleep(POLL_MILLIS);
                    }
                    at.set(System.currentTimeMillis());
                  } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                  }
                });
  }

  /** The time of the first receive, in epoch milliseconds; 0 while none was seen. */
  long millis() {
    return at.get();
  }

  @Override
  public void close() {
    watcher.interrupt();
  }
}
