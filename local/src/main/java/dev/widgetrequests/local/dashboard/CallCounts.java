package dev.widgetrequests.local.dashboard;

import java.util.Map;

/**
 * How many calls each service of the local stack has answered since it started, by service name
 * (e.g. {@code S3}, {@code SQS}, {@code DynamoDB}). The dashboard turns the totals into calls per
 * second.
 */
@FunctionalInterface
public interface CallCounts {
  /** Counts nothing: the dashboard then shows no call rates. */
  CallCounts NONE = Map::of;

  /** The running total of calls per service. */
  Map<String, Long> totals();
}
