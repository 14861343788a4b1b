package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitSettleTest {
  @Test
  void await_returnsAtTheFirstSecondTheCompilerIsNearlyIdle() throws InterruptedException {
    // Compile times read at the start and after each second: 400, 300, 10 ms of compiling.
    long[] totals = {1_000, 1_400, 1_700, 1_710, 9_999};
    AtomicInteger reads = new AtomicInteger();
    List<Integer> shown = new ArrayList<>();

    int waited = JitSettle.await(() -> totals[reads.getAndIncrement()], 30, () -> {}, shown::add);

    assertThat(waited).isEqualTo(3);
    assertThat(shown).containsExactly(1, 2, 3);
    assertThat(reads).hasValue(4);
  }

  @Test
  void await_givesUpAfterTheLongestWait() throws InterruptedException {
    AtomicInteger seconds = new AtomicInteger();

    int waited =
        JitSettle.await(() -> 1_000L * seconds.get(), 5, seconds::incrementAndGet, s -> {});

    assertThat(waited).isEqualTo(5);
    assertThat(seconds).hasValue(5);
  }

  @Test
  void await_onThisJvm_waitsNoLongerThanAsked() throws InterruptedException {
    int waited = JitSettle.await(2, new BenchProgress(System.out, false));

    assertThat(waited).isBetween(0, 2);
  }
}
