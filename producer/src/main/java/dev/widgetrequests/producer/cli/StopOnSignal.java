package dev.widgetrequests.producer.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: stop producing, let the run flush and print its summary,
 * then exit with the run's own exit code. Without this the JVM would exit at once, losing requests
 * in flight, and report 130 or 143 for a run that ended cleanly.
 */
final class StopOnSignal implements AutoCloseable {
  /** Longer than a flush takes: in-flight sends are bounded and the SDK's retries time out. */
  private static final long FLUSH_WAIT_SECONDS = 60;

  private final Thread hook;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile int exitCode;

  private StopOnSignal(Runnable stop, PrintWriter out) {
    this.hook = new Thread(() -> onSignal(stop, out), "widgets-producer-stop");
  }

  static StopOnSignal install(Runnable stop, PrintWriter out) {
    StopOnSignal stopOnSignal = new StopOnSignal(stop, out);
    Runtime.getRuntime().addShutdownHook(stopOnSignal.hook);
    return stopOnSignal;
  }

  /** The run is over and reported; a pending signal may now end the process with this code. */
  void finished(int code) {
    exitCode = code;
    finished.countDown();
  }

  private void onSignal(Runnable stop, PrintWriter out) {
    stop.run();
    try {
      if (finished.await(FLUSH_WAIT_SECONDS, TimeUnit.SECONDS)) {
        out.flush();
        // The JVM is already shutting down, so System.exit would block; halt is how a hook can
        // choose the exit code. Nothing else of ours is left to run.
        Runtime.getRuntime().halt(exitCode);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running and ends the process itself.
    }
  }
}
