package dev.widgetrequests.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/** Runs contenders at the same moment and counts how many won. */
final class Race implements AutoCloseable {
  private final int contenders;
  private final ExecutorService threads;
  private final CyclicBarrier start;

  Race(int contenders, ExecutorService threads) {
    this.contenders = contenders;
    this.threads = threads;
    this.start = new CyclicBarrier(contenders);
  }

  /** Runs {@code contender} 0 .. n-1 at once; each answers whether it won. Returns the winners. */
  int run(IntPredicate contender) throws InterruptedException, ExecutionException {
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      int id = i;
      results.add(
          threads.submit(
              () -> {
                start.await();
                return contender.test(id);
              }));
    }
    int winners = 0;
    for (Future<Boolean> result : results) {
      winners += result.get() ? 1 : 0;
    }
    return winners;
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
