package dev.widgetrequests.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Starts servers side by side: each spends its start-up mostly loading classes and warming up, so
 * together they take about as long as the slowest one instead of the sum.
 */
final class ParallelStart {
  private ParallelStart() {}

  /**
   * Starts every server and returns them in the order given; when one fails, stops the others and
   * throws the failure of the first one in that order.
   */
  static List<EmbeddedServer> startAll(List<Supplier<EmbeddedServer>> starters) {
    ExecutorService threads =
        Executors.newFixedThreadPool(
            starters.size(), Thread.ofPlatform().name("local-stack-start-", 1).daemon().factory());
    try {
      List<Future<EmbeddedServer>> starting = new ArrayList<>();
      starters.forEach(starter -> starting.add(threads.submit(starter::get)));
      return collect(starting);
    } finally {
      threads.shutdown();
    }
  }

  private static List<EmbeddedServer> collect(List<Future<EmbeddedServer>> starting) {
    List<EmbeddedServer> running = new ArrayList<>();
    Throwable failure = null;
    for (Future<EmbeddedServer> server : starting) {
      try {
        running.add(awaitUninterruptibly(server));
      } catch (ExecutionException e) {
        failure = failure != null ? failure : e.getCause();
      }
    }
    if (failure == null) {
      return running;
    }
    running.reversed().forEach(EmbeddedServer::close);
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    throw new IllegalStateException("local stack did not start", failure);
  }

  /**
   * Start-up takes seconds at most; giving up half way would leave servers running that nobody can
   * stop, so an interrupt only gets passed on afterwards.
   */
  private static <T> T awaitUninterruptibly(Future<T> future) throws ExecutionException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
