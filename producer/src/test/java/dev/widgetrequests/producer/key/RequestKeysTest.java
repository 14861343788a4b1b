package dev.widgetrequests.producer.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.producer.SuppliedClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequestKeysTest {
  private static final long MARCH_2021 = 1_615_728_964_574L;

  private static List<String> keys(RequestKeys keys, int count) {
    return Stream.generate(keys::next).limit(count).toList();
  }

  private static void assertDistinctAndInProductionOrder(List<String> keys) {
    assertThat(new HashSet<>(keys)).hasSameSizeAs(keys);
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertThat(sorted).isEqualTo(keys);
  }

  @Test
  void key_isThe13DigitEpochMillisecondOfProduction_aSequenceAndTheProducersPart() {
    RequestKeys keys = new RequestKeys(SuppliedClock.fixed(MARCH_2021), "0a1b2c3d");

    assertThat(keys.next()).isEqualTo("1615728964574-0000-0a1b2c3d");
  }

  @Test
  void twoProducersInOneMillisecond_neverMakeOneKey() {
    List<String> first = keys(new RequestKeys(SuppliedClock.fixed(MARCH_2021)), 100);
    List<String> second = keys(new RequestKeys(SuppliedClock.fixed(MARCH_2021)), 100);

    assertThat(first).doesNotContainAnyElementsOf(second);
  }

  @Test
  void theCourseProducersBareKeys_sortBeforeOursOfTheSameMillisecond_afterEarlierOnes() {
    String ours = new RequestKeys(SuppliedClock.fixed(MARCH_2021), "0a1b2c3d").next();

    assertThat("1615728964574").isLessThan(ours);
    assertThat("1615728964573").isLessThan(ours);
    assertThat("1615728964575").isGreaterThan(ours);
  }

  @Test
  void laterKeysOfOneMillisecond_getAFixedWidthSequence() {
    List<String> keys = keys(new RequestKeys(SuppliedClock.fixed(MARCH_2021), "0a1b2c3d"), 3);

    assertThat(keys)
        .containsExactly(
            "1615728964574-0000-0a1b2c3d",
            "1615728964574-0001-0a1b2c3d",
            "1615728964574-0002-0a1b2c3d");
  }

  @Test
  void hundredThousandKeysInOneMillisecond_areDistinctAndInProductionOrder() {
    List<String> keys = keys(new RequestKeys(SuppliedClock.fixed(MARCH_2021), "0a1b2c3d"), 100_000);

    assertDistinctAndInProductionOrder(keys);
    assertThat(keys).allMatch(key -> key.matches("\\d{13}-\\d{4}-0a1b2c3d"));
  }

  @Test
  void clockSteppingBack_keysStillDistinctAndInProductionOrder() {
    AtomicLong calls = new AtomicLong();
    // Ticks forward most of the time, and every 7th reading is a second in the past.
    SuppliedClock clock =
        new SuppliedClock(
            () -> {
              long call = calls.incrementAndGet();
              return MARCH_2021 + call / 3 - (call % 7 == 0 ? 1_000 : 0);
            });

    List<String> keys = keys(new RequestKeys(clock, "0a1b2c3d"), 100_000);

    assertDistinctAndInProductionOrder(keys);
  }

  @Test
  void plainAndSuffixedKeys_sortInProductionOrderAcrossMilliseconds() {
    AtomicLong calls = new AtomicLong();
    SuppliedClock clock = new SuppliedClock(() -> MARCH_2021 + calls.getAndIncrement() / 3);

    List<String> keys = keys(new RequestKeys(clock, "0a1b2c3d"), 6);

    assertThat(keys)
        .containsExactly(
            "1615728964574-0000-0a1b2c3d",
            "1615728964574-0001-0a1b2c3d",
            "1615728964574-0002-0a1b2c3d",
            "1615728964575-0000-0a1b2c3d",
            "1615728964575-0001-0a1b2c3d",
            "1615728964575-0002-0a1b2c3d");
    assertDistinctAndInProductionOrder(keys);
  }

  @Test
  void moreKeysThanTheSequenceHolds_continueInTheNextMillisecond() {
    List<String> keys =
        keys(
            new RequestKeys(SuppliedClock.fixed(MARCH_2021), "0a1b2c3d"),
            RequestKeys.MAX_SEQUENCE + 2);

    assertThat(keys.get(RequestKeys.MAX_SEQUENCE)).isEqualTo("1615728964574-9999-0a1b2c3d");
    assertThat(keys.getLast()).isEqualTo("1615728964575-0000-0a1b2c3d");
  }
}
