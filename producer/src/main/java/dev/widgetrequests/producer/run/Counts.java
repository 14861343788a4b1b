package dev.widgetrequests.producer.run;

/** Requests sent, by type. */
public record Counts(long creates, long updates, long deletes) {
  public static final Counts NONE = new Counts(0, 0, 0);

  public long total() {
    return creates + updates + deletes;
  }
}
