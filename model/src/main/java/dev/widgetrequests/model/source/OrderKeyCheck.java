package dev.widgetrequests.model.source;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a claimed order key against a time AWS itself set for the delivery (an SQS message's
 * {@code SentTimestamp}, a request object's {@code LastModified}): the claim is kept only when its
 * time lies within [trusted − {@code before}, trusted + {@code after}]; otherwise the trusted time
 * takes its place, so no sender, clock or bug can order a request far before or after when it
 * really reached AWS (docs/design/convergence.md).
 *
 * <p>A claim is 13 digits of epoch milliseconds, optionally followed by {@code -} and up to 200
 * letters, digits, {@code . _ ~ -}: the course producer's bare keys, ours ({@code -NNNN-} and a
 * random part) and the request handler's. Anything else is no claim at all.
 *
 * @param before how far before the trusted time a claimed key may lie (a producer stamps its key
 *     before the send, a claim check's upload comes first, queues are slow)
 * @param after how far after the trusted time a claimed key may lie (clock skew only)
 */
public record OrderKeyCheck(Duration before, Duration after) {
  public static final OrderKeyCheck DEFAULT =
      new OrderKeyCheck(Duration.ofMinutes(15), Duration.ofSeconds(2));

  private static final Pattern CLAIM = Pattern.compile("(\\d{13})(-[0-9A-Za-z._~-]{1,200})?");

  public OrderKeyCheck {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    if (before.isNegative() || after.isNegative()) {
      throw new IllegalArgumentException("key bounds must not be negative");
    }
  }

  /**
   * The order key of a delivery.
   *
   * @param claim the claimed key, or {@code null} when the sender claimed none
   * @param trustedMillis the time AWS set for the delivery, epoch milliseconds
   * @param tieBreak what orders deliveries of one trusted millisecond (message id, object key)
   */
  public OrderKey keyOf(String claim, long trustedMillis, String tieBreak) {
    String trusted = trustedKey(trustedMillis, tieBreak);
    if (claim == null) {
      return new OrderKey(trusted, null);
    }
    var matcher = CLAIM.matcher(claim);
    if (!matcher.matches()) {
      return new OrderKey(
          trusted, "key out of bounds: \"%s\" is not an order key".formatted(cut(claim)));
    }
    long claimed = Long.parseLong(matcher.group(1));
    if (claimed < trustedMillis - before.toMillis() || claimed > trustedMillis + after.toMillis()) {
      return new OrderKey(
          trusted,
          "key out of bounds: %s claims %d ms from the time AWS received it (allowed %d to +%d)"
              .formatted(claim, claimed - trustedMillis, -before.toMillis(), after.toMillis()));
    }
    return new OrderKey(claim, null);
  }

  /** The key of a delivery that claims none: its trusted time, then the tie-break. */
  public static String trustedKey(long trustedMillis, String tieBreak) {
    return "%013d-%s".formatted(Math.max(0, trustedMillis), tieBreak);
  }

  private static String cut(String claim) {
    return claim.length() <= 40 ? claim : claim.substring(0, 40) + "…";
  }

  /**
   * @param key the order key to apply the request at
   * @param outOfBounds why the claimed key was not kept; {@code null} when it was, or none was made
   */
  public record OrderKey(String key, String outOfBounds) {
    public boolean claimKept() {
      return outOfBounds == null;
    }
  }
}
