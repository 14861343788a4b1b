package dev.widgetrequests.cli.bench;

import dev.widgetrequests.local.LocalStack;
import java.time.Duration;

/** The bench's private local stack, with the latency per call it is asked for. */
final class BenchStack {
  private BenchStack() {}

  static boolean supports(int latencyMillis) {
    return latencyMillis == 0;
  }

  static LocalStack start(Duration latency) {
    if (!latency.isZero()) {
      throw new UnsupportedOperationException(
          "this build's local stack cannot add latency to its calls yet");
    }
    return LocalStack.startOnRandomPorts();
  }
}
