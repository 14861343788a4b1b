package dev.widgetrequests.producer.run;

import dev.widgetrequests.producer.generate.TypeNames;
import java.time.Duration;
import java.util.Objects;

/**
 * How much to produce and how fast.
 *
 * @param maxRequests stop after this many requests
 * @param interRequestDelay pause after each request; zero sends as fast as the sink takes them
 * @param maxRuntime stop after this long; zero for no limit
 * @param seed seed of the request stream
 * @param typeNames how each request's type is spelled
 */
public record ProducerSettings(
    long maxRequests,
    Duration interRequestDelay,
    Duration maxRuntime,
    long seed,
    TypeNames typeNames) {

  /** Settings sending the course producer's short type names. */
  public ProducerSettings(
      long maxRequests, Duration interRequestDelay, Duration maxRuntime, long seed) {
    this(maxRequests, interRequestDelay, maxRuntime, seed, TypeNames.SHORT);
  }

  public ProducerSettings {
    Objects.requireNonNull(typeNames, "typeNames");
    Objects.requireNonNull(interRequestDelay, "interRequestDelay");
    Objects.requireNonNull(maxRuntime, "maxRuntime");
    if (maxRequests < 0 || interRequestDelay.isNegative() || maxRuntime.isNegative()) {
      throw new IllegalArgumentException("request limit, delay and runtime must not be negative");
    }
  }

  public boolean hasRuntimeLimit() {
    return !maxRuntime.isZero();
  }
}
