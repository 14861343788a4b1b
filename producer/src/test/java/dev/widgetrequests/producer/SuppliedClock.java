package dev.widgetrequests.producer;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/** A clock whose milliseconds come from a function: fixed, stepping, or stepping back. */
public final class SuppliedClock extends Clock {
  private final LongSupplier millis;

  public SuppliedClock(LongSupplier millis) {
    this.millis = millis;
  }

  public static SuppliedClock fixed(long millis) {
    return new SuppliedClock(() -> millis);
  }

  @Override
  public long millis() {
    return millis.getAsLong();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
