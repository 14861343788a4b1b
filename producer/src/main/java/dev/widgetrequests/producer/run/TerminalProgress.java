package dev.widgetrequests.producer.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** A single terminal line, rewritten in place a few times a second: requests sent and the rate. */
public final class TerminalProgress implements Progress {
  private static final Duration INTERVAL = Duration.ofMillis(250);

  private final PrintWriter out;
  private Duration shown = Duration.ZERO;
  private boolean showing;

  public TerminalProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void update(long sent, Duration elapsed) {
    if (elapsed.minus(shown).compareTo(INTERVAL) < 0) {
      return;
    }
    shown = elapsed;
    showing = true;
    double rate = sent * 1000.0 / Math.max(1, elapsed.toMillis());
    // Trailing spaces wipe what is left of a longer previous line.
    out.print(String.format(Locale.ROOT, "\rsent %d requests, %.0f requests/s    ", sent, rate));
    out.flush();
  }

  @Override
  public void finish() {
    if (showing) {
      out.println();
      showing = false;
    }
  }
}
