package dev.widgetrequests.source.sqs;

/**
 * Reading a pointer's object failed for a reason trying again may fix (throttling, a 5xx, a dropped
 * connection): its message alone is released and comes back later.
 */
final class PointerReadException extends RuntimeException {
  PointerReadException(String reason) {
    super(reason);
  }
}
