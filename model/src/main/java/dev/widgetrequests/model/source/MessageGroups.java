package dev.widgetrequests.model.source;

/**
 * The SQS message group of a request on a standard queue: its owner, the system's tenant, so that
 * SQS fair queues keep one busy owner from delaying the others (docs/design/request-format.md). A
 * FIFO queue groups by widget instead, which keeps each widget's requests in order.
 */
public final class MessageGroups {
  private MessageGroups() {}

  /**
   * The group id for {@code owner}. An owner is letters and spaces (at most 128 characters), and a
   * group id may not hold spaces: each space becomes {@code _}, which no owner holds, so two owners
   * never share a group.
   */
  public static String ofOwner(String owner) {
    return owner.replace(' ', '_');
  }
}
