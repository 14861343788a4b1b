package dev.widgetrequests.producer.run;

import java.time.Duration;

/** Shows how a run is going while it runs. */
public interface Progress {

  /** Called after every request; implementations decide how often to show it. */
  void update(long sent, Duration elapsed);

  /** The run is over; leave the display ready for the summary. */
  void finish();

  /** Shows nothing: for logs, pipes and tests. */
  static Progress none() {
    return new Progress() {
      @Override
      public void update(long sent, Duration elapsed) {}

      @Override
      public void finish() {}
    };
  }
}
