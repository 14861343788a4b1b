package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoredTimesTest {
  private static final long START = Instant.parse("2026-12-07T06:00:00Z").toEpochMilli();

  private static String line(String at, String outcome, String type, String widgetId) {
    return at
        + " INFO  [engine-7] d.w.c.requests - "
        + outcome
        + " "
        + type
        + " requestId="
        + widgetId
        + "-create widgetId="
        + widgetId
        + " from message 1f2e";
  }

  @Test
  void of_takesEachWidgetsEarliestStoredLine_andLeavesOutOthersAndRepeats() {
    List<String> lines =
        List.of(
            "2026-12-07T06:00:00.010Z INFO  [main] d.w.c.cli.ConsumerCommand - consuming",
            line("2026-12-07T06:00:00.400Z", "applied ", "create", "other-10"),
            line("2026-12-07T06:00:00.300Z", "repeated", "create", "other-20"),
            line("2026-12-07T07:00:00.350+01:00", "warning ", "create", "other-20"),
            line("2026-12-07T06:00:00.200Z", "applied ", "update", "hot"),
            line("2026-12-07T06:00:00.900Z", "applied ", "create", "other-10"));

    assertThat(StoredTimes.of(lines, Set.of("other-10", "other-20", "other-30")))
        .containsOnlyKeys("other-10", "other-20")
        .containsEntry("other-10", START + 400)
        .containsEntry("other-20", START + 350);
  }

  @Test
  void allStoredAfter_isTheLastOnesTime_onlyWhenEveryWidgetWasStored() {
    List<String> lines =
        List.of(
            line("2026-12-07T06:00:01.250Z", "applied ", "create", "other-20"),
            line("2026-12-07T06:00:00.500Z", "applied ", "create", "other-10"));

    assertThat(StoredTimes.allStoredAfter(lines, Set.of("other-10", "other-20"), START))
        .isEqualTo(OptionalLong.of(1250));
    assertThat(StoredTimes.allStoredAfter(lines, Set.of("other-10", "other-30"), START)).isEmpty();
  }
}
