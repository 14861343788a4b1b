package dev.widgetrequests.local.cli;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM as an event a long-running command waits for, so that it can stop its
 * servers, return and let the launcher exit with 0. Left to the JVM, a signal would end the process
 * with 130 or 143 while the servers are still running. A second signal ends the process at once.
 *
 * <p>The JDK handles signals only through {@code sun.misc.Signal}; it is reached by reflection so
 * the build does not depend on an unsupported API. Where it is missing, a shutdown hook stops the
 * command instead (the exit code is then the JVM's).
 */
final class StopSignal {
  private static final String[] SIGNALS = {"INT", "TERM"};
  private static final long HOOK_WAIT_SECONDS = 5;

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  private StopSignal() {}

  /** Starts listening for the signals; install it before starting anything that must be stopped. */
  static StopSignal install() {
    StopSignal stop = new StopSignal();
    for (String signal : SIGNALS) {
      if (!stop.handle(signal)) {
        Runtime.getRuntime()
            .addShutdownHook(new Thread(stop::stopFromShutdownHook, "stop-" + signal));
      }
    }
    return stop;
  }

  /** Waits until a signal asks to stop. */
  void await() throws InterruptedException {
    requested.await();
  }

  /** Tells a shutdown in progress that the command has cleaned up. */
  void finished() {
    finished.countDown();
  }

  private void signalled() {
    if (requested.getCount() == 0) {
      Runtime.getRuntime().halt(130);
    }
    requested.countDown();
  }

  private void stopFromShutdownHook() {
    requested.countDown();
    try {
      finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean handle(String name) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object onSignal =
          Proxy.newProxyInstance(
              StopSignal.class.getClassLoader(),
              new Class<?>[] {handler},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      signalled();
                      yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "stop on SIG" + name;
                  });
      signal
          .getMethod("handle", signal, handler)
          .invoke(null, signal.getConstructor(String.class).newInstance(name), onSignal);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }
}
