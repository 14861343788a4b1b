package dev.widgetrequests.aws.source.sqs;

import dev.widgetrequests.model.failure.InfrastructureFailure;

/**
 * Reading a pointer's object failed for a reason trying again may fix (throttling, a 5xx, a dropped
 * connection): its message alone is released and comes back later.
 */
final class PointerReadException extends InfrastructureFailure.Transient {
  private static final long serialVersionUID = 1L;

  PointerReadException(String reason) {
    super(reason, null);
  }
}
