package dev.widgetrequests.producer.run;

import java.time.Duration;
import java.util.Locale;

/**
 * What a production run sent.
 *
 * @param sent requests the sink stored, by type
 * @param elapsed from the first request until everything in flight was stored
 * @param seed seed of the request stream, to reproduce it
 * @param stopReason why the run ended
 * @param failure what went wrong when {@code stopReason} is {@link StopReason#FAILED}, else {@code
 *     null}
 */
public record ProductionSummary(
    Counts sent, Duration elapsed, long seed, StopReason stopReason, String failure) {

  public double requestsPerSecond() {
    long millis = Math.max(1, elapsed.toMillis());
    return sent.total() * 1000.0 / millis;
  }

  public boolean failed() {
    return stopReason == StopReason.FAILED;
  }

  /** One line for people and logs. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "Sent %d requests (%d create, %d update, %d delete) in %.1f s, %.1f requests/s; %s; seed %d",
        sent.total(),
        sent.creates(),
        sent.updates(),
        sent.deletes(),
        elapsed.toMillis() / 1000.0,
        requestsPerSecond(),
        stopReason.text(),
        seed);
  }
}
