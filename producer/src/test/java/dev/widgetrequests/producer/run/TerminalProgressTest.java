package dev.widgetrequests.producer.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

  @Test
  void update_rewritesOneLine_atMostFourTimesASecond() {
    StringWriter text = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(text));

    progress.update(10, Duration.ofMillis(100));
    progress.update(30, Duration.ofMillis(300));
    progress.update(40, Duration.ofMillis(400));
    progress.update(60, Duration.ofMillis(600));
    progress.finish();

    assertThat(text.toString())
        .isEqualTo(
            "\rsent 30 requests, 100 requests/s    "
                + "\rsent 60 requests, 100 requests/s    "
                + System.lineSeparator());
  }

  @Test
  void finish_withNothingShown_printsNothing() {
    StringWriter text = new StringWriter();
    TerminalProgress progress = new TerminalProgress(new PrintWriter(text));

    progress.update(1, Duration.ofMillis(10));
    progress.finish();

    assertThat(text.toString()).isEmpty();
  }
}
