package dev.widgetrequests.cli.redrive;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (or SIGTERM) into a request to stop between two letters: the JVM waits, a few
 * seconds at most, for the run to release what it holds and print its summary.
 */
final class StopOnCtrlC {
  private static final long WAIT_SECONDS = 15;

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean requested;
  private Thread hook;

  private StopOnCtrlC() {}

  static StopOnCtrlC install() {
    StopOnCtrlC stop = new StopOnCtrlC();
    stop.hook =
        new Thread(
            () -> {
              stop.requested = true;
              try {
                stop.finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "redrive-stop");
    Runtime.getRuntime().addShutdownHook(stop.hook);
    return stop;
  }

  boolean requested() {
    return requested;
  }

  /** The run is over: a stop now has nothing to wait for. */
  void finished() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running; it returns now that the run is over.
    }
  }
}
