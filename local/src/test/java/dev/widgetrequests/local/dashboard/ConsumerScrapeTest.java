package dev.widgetrequests.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsumerScrapeTest {

  @Test
  void parse_sumsRequestsByOutcomeOverTypes_andReadsInFlight() {
    String metrics =
        """
        # HELP widgets_consumer_requests_total
        # TYPE widgets_consumer_requests_total counter
        widgets_consumer_requests_total{outcome="applied",type="create"} 40.0
        widgets_consumer_requests_total{outcome="applied",type="update"} 2.0
        widgets_consumer_requests_total{outcome="rejected",type="invalid"} 3.0
        widgets_consumer_retries_total 1.0
        # TYPE widgets_consumer_in_flight gauge
        widgets_consumer_in_flight 7.0
        """;

    var reading = ConsumerScrape.parse(metrics);

    assertThat(reading.outcomes()).isEqualTo(Map.of("applied", 42L, "rejected", 3L));
    assertThat(reading.inFlight()).isEqualTo(7);
  }

  @Test
  void parse_ofSomethingElse_readsNothing() {
    var reading = ConsumerScrape.parse("<html>not metrics</html>");
    assertThat(reading.outcomes()).isEmpty();
    assertThat(reading.inFlight()).isZero();
  }
}
