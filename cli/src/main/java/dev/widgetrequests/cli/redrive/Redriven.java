package dev.widgetrequests.cli.redrive;

/**
 * One dead letter a redrive looked at: taken (or, in a dry run, would be), or left unverified.
 *
 * @param id the message id or object key
 * @param reason why it was rejected, as the letter says
 * @param target where it goes back to, or {@code null} when it stays (unverified)
 * @param note who wrote the reason and where the letter came from, or why it stays
 */
record Redriven(String id, String reason, String target, String note) {
  Redriven(String id, String reason, String target) {
    this(id, reason, target, null);
  }

  boolean moves() {
    return target != null;
  }

  String line() {
    String head = moves() ? id + "  ->  " + target : id + "  stays (unverified)";
    return head
        + "\n    reason: "
        + (reason == null ? "(none given)" : reason)
        + (note == null ? "" : "\n    " + note);
  }
}
