package dev.widgetrequests.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A service of the local stack cut off by {@link LocalStack#cut}; closing it restores it. */
public final class Outage implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Outage.class);

  private final LocalService service;
  private final ServiceFront front;
  private final long started = System.nanoTime();

  Outage(LocalService service, ServiceFront front) {
    this.service = service;
    this.front = front;
  }

  /** The service that is cut off. */
  public LocalService service() {
    return service;
  }

  /** Lets connections through again. */
  @Override
  public void close() {
    front.restore();
    log.info("{} restored after {} ms", service, (System.nanoTime() - started) / 1_000_000);
  }
}
