package dev.widgetrequests.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LineProgressTest {
  private final StringWriter out = new StringWriter();
  private final LineProgress progress =
      new LineProgress(new PrintWriter(out, true), 20_000, Duration.ofSeconds(5));

  @Test
  void aLongRun_printsALineEveryInterval_withTheCountOfTheTotalAndTheRate() {
    for (int second = 0; second <= 12; second++) {
      progress.update(second * 1000L, Duration.ofSeconds(second));
    }
    progress.finish();

    assertThat(out.toString().lines())
        .containsExactly(
            "sent 5000 of 20000 requests, 1000 requests/s",
            "sent 10000 of 20000 requests, 1000 requests/s");
  }

  @Test
  void aShortRun_printsNothing() {
    progress.update(400, Duration.ofMillis(4_900));
    progress.finish();

    assertThat(out.toString()).isEmpty();
  }
}
