package dev.widgetrequests.producer.cli;

import dev.widgetrequests.producer.run.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress for output that is not a terminal (a pipe, a log, CI): a line every interval, so a long
 * run shows it is moving without filling the log. Nothing for runs shorter than one interval.
 */
final class LineProgress implements Progress {
  private final PrintWriter out;
  private final long total;
  private final Duration interval;
  private Duration next;

  LineProgress(PrintWriter out, long total, Duration interval) {
    this.out = out;
    this.total = total;
    this.interval = interval;
    this.next = interval;
  }

  @Override
  public void update(long sent, Duration elapsed) {
    if (elapsed.compareTo(next) < 0) {
      return;
    }
    while (next.compareTo(elapsed) <= 0) {
      next = next.plus(interval);
    }
    double rate = sent * 1000.0 / Math.max(1, elapsed.toMillis());
    out.println(
        String.format(Locale.ROOT, "sent %d of %d requests, %.0f requests/s", sent, total, rate));
    out.flush();
  }

  @Override
  public void finish() {}
}
