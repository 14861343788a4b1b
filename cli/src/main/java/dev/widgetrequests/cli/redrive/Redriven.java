package dev.widgetrequests.cli.redrive;

/**
 * One dead letter a redrive took (or, in a dry run, would take).
 *
 * @param id the message id or object key
 * @param reason why it was rejected
 * @param target where it goes back to
 */
record Redriven(String id, String reason, String target) {
  String line() {
    return id + "  ->  " + target + "\n    reason: " + (reason == null ? "(none given)" : reason);
  }
}
