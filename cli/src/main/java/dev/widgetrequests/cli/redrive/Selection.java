package dev.widgetrequests.cli.redrive;

/**
 * Which dead letters a redrive takes.
 *
 * @param reasonContains only those whose reason contains this text, or {@code null} for all
 * @param max at most this many
 * @param dryRun list them, move nothing
 */
record Selection(String reasonContains, int max, boolean dryRun) {
  boolean matches(String reason) {
    return reasonContains == null || (reason != null && reason.contains(reasonContains));
  }
}
