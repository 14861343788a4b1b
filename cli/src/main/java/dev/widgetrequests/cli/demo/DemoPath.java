package dev.widgetrequests.cli.demo;

/** The ways requests reach the consumer, each fed by its own seeded stream of widgets. */
enum DemoPath {
  BUCKET("bucket"),
  QUEUE("queue"),
  CLAIM_CHECK("claim check"),
  HTTP("HTTP POST");

  private final String label;

  DemoPath(String label) {
    this.label = label;
  }

  /** Each path gets its own widgets: a seed of its own. */
  long seed(long base) {
    return base + ordinal() + 1;
  }

  @Override
  public String toString() {
    return label;
  }
}
