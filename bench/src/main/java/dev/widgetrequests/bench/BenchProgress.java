package dev.widgetrequests.bench;

import java.io.PrintStream;

/** One line, rewritten in place, saying how the current drain is going. */
final class BenchProgress {
  private final PrintStream out;
  private final boolean enabled;
  private String context = "";
  private long lastShown;

  BenchProgress(PrintStream out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  void context(String context) {
    this.context = context;
  }

  void show(String drainer, int done, int total, long startMillis) {
    long now = System.currentTimeMillis();
    if (!enabled || now - lastShown < 500) {
      return;
    }
    lastShown = now;
    double seconds = Math.max(0.001, (now - startMillis) / 1000.0);
    out.printf(
        "\r%-40s %-14s %6d/%-6d %7.0f req/s  ", context, drainer, done, total, done / seconds);
    out.flush();
  }

  /** Between drains: what the bench waits for, and for how long so far. */
  void waiting(String what, int seconds) {
    if (enabled) {
      out.printf("\r%-40s %s (%d s)  ", context, what, seconds);
      out.flush();
    }
  }

  void done() {
    if (enabled) {
      out.print("\r" + " ".repeat(100) + "\r");
      out.flush();
    }
  }
}
