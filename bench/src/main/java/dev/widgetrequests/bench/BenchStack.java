package dev.widgetrequests.bench;

import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackPorts;
import java.time.Duration;

/** The bench's private local stack, on free ports, adding the latency asked for to every call. */
final class BenchStack {
  private BenchStack() {}

  static LocalStack start(Duration latency) {
    return LocalStack.start(LocalStackPorts.RANDOM, latency);
  }
}
