package dev.widgetrequests.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Waits until this JVM's JIT compiler is nearly idle. ElasticMQ and S3Proxy run in this JVM, and
 * after a warm-up its C2 compiler goes on compiling them for tens of seconds, taking a core from
 * whichever drainer comes next; every drainer starts after this, so none of them pays for it.
 */
final class JitSettle {
  /** Idle enough: less than this many milliseconds of compiling in a second. */
  static final long IDLE_MILLIS_PER_SECOND = 50;

  /** Sleeps for a second; a test passes one that does not. */
  interface Tick {
    void second() throws InterruptedException;
  }

  private JitSettle() {}

  /**
   * Waits for this JVM's compiler.
   *
   * @return the seconds waited, at most {@code maxSeconds}; 0 when the JVM does not tell
   */
  static int await(int maxSeconds, BenchProgress progress) throws InterruptedException {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
      return 0;
    }
    return await(
        compiler::getTotalCompilationTime,
        maxSeconds,
        () -> Thread.sleep(1000),
        second -> progress.waiting("waiting for the JIT to settle", second));
  }

  /**
   * @param compileMillis the compiler's total time so far, in milliseconds
   * @param waited told each second waited
   * @return the seconds waited: the first second with less than {@value #IDLE_MILLIS_PER_SECOND} ms
   *     of compiling, or {@code maxSeconds}
   */
  static int await(LongSupplier compileMillis, int maxSeconds, Tick tick, IntConsumer waited)
      throws InterruptedException {
    long before = compileMillis.getAsLong();
    for (int second = 1; second <= maxSeconds; second++) {
      waited.accept(second);
      tick.second();
      long now = compileMillis.getAsLong();
      if (now - before < IDLE_MILLIS_PER_SECOND) {
        return second;
      }
      before = now;
    }
    return maxSeconds;
  }
}
