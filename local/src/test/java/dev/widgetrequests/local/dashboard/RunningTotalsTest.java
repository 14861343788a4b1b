package dev.widgetrequests.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RunningTotalsTest {
  private final RunningTotals totals = new RunningTotals();

  @Test
  void add_countsGrowthOfEachSource_andARestartedCounterAsNew() {
    totals.add("a", Map.of("applied", 10L));
    totals.add("b", Map.of("applied", 5L));
    totals.add("a", Map.of("applied", 12L));
    totals.add("a", Map.of("applied", 3L)); // consumer a restarted
    totals.add("b", Map.of("applied", 5L));

    assertThat(totals.get("applied")).isEqualTo(10 + 5 + 2 + 3);
    assertThat(totals.get("rejected")).isZero();
  }
}
