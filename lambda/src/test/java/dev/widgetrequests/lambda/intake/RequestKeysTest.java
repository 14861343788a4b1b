package dev.widgetrequests.lambda.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestKeysTest {
  private static final Clock FROZEN =
      Clock.fixed(Instant.ofEpochMilli(1_615_728_964_574L), ZoneOffset.UTC);

  @Test
  void keys_areMillisCounterAndInstance() {
    RequestKeys keys = new RequestKeys(FROZEN, () -> "0a1b2c3d");

    assertThat(keys.next()).isEqualTo("1615728964574-0000-0a1b2c3d");
    assertThat(keys.next()).isEqualTo("1615728964574-0001-0a1b2c3d");
  }

  @Test
  void aBusyMillisecond_borrowsTheNext_soKeysStayUniqueAndSorted() {
    RequestKeys keys = new RequestKeys(FROZEN, () -> "0a1b2c3d");
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 25_000; i++) {
      issued.add(keys.next());
    }

    assertThat(issued).doesNotHaveDuplicates().isSorted();
    assertThat(issued).allMatch(key -> key.matches("\\d{13}-\\d{4}-0a1b2c3d"));
  }

  @Test
  void randomParts_areEightHexDigits_drawnForEveryKey() {
    RequestKeys keys = RequestKeys.drawingPerRequest(FROZEN);

    List<String> parts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String key = keys.next();
      assertThat(key).matches("1615728964574-\\d{4}-[0-9a-f]{8}");
      parts.add(key.substring(19));
    }
    assertThat(parts).doesNotHaveDuplicates();
  }

  @Test
  void twoInstancesInTheSameState_likeTwoRestoresOfOneSnapshot_neverMakeTheSameKey() {
    // A restore copies whatever was drawn at init: both copies start in one state, same clock.
    RequestKeys first = RequestKeys.drawingPerRequest(FROZEN);
    RequestKeys second = RequestKeys.drawingPerRequest(FROZEN);

    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      issued.add(first.next());
      issued.add(second.next());
    }
    assertThat(issued).doesNotHaveDuplicates();
  }
}
