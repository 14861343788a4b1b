package dev.widgetrequests.model.source;

import java.time.Duration;
import java.util.List;

/**
 * What a source that hides a delivery for a time while it is held (an SQS queue's visibility
 * timeout) offers beside {@link RequestSource}: a delivery held past its timeout would be handed
 * out again, so the consumer extends the lease of what it holds long. Each delivery is one lease:
 * two deliveries of one message (a redelivery while the first is still held) are two.
 */
public interface Lease<D extends Delivery> {

  /** How long a delivery stays hidden from other consumers once received. */
  Duration timeout();

  /** Keeps the deliveries hidden for another {@code timeout} from now. */
  void extend(List<D> deliveries, Duration timeout);
}
