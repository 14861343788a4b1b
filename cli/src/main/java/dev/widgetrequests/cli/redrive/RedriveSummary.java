package dev.widgetrequests.cli.redrive;

/**
 * What one pass over a dead-letter queue did.
 *
 * @param moved distinct dead letters moved (or, in a dry run, that would be)
 * @param unverified left where they are: no verified source queue
 * @param arrivedDuringRun left where they are: sent after the pass started, or sent by it
 * @param stopped whether the pass was stopped (Ctrl-C) before it had looked at every letter
 */
record RedriveSummary(int moved, int unverified, int arrivedDuringRun, boolean stopped) {
  String line(boolean dryRun, String deadLetterQueueUrl) {
    StringBuilder line = new StringBuilder(stopped ? "stopped: " : "");
    line.append(dryRun ? "would move " : "moved ")
        .append(moved)
        .append(" dead letters from ")
        .append(deadLetterQueueUrl);
    if (unverified > 0) {
      line.append("; ").append(unverified).append(" unverified, left where they are");
    }
    if (arrivedDuringRun > 0) {
      line.append("; ")
          .append(arrivedDuringRun)
          .append(" arrived during this run, left for the next");
    }
    if (stopped) {
      line.append("; the rest were not looked at and stay");
    }
    return line.toString();
  }
}
