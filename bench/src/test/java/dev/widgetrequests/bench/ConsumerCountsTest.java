package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerCountsTest {
  private static final String SCRAPE =
      """
      # HELP widgets_consumer_requests_total
      # TYPE widgets_consumer_requests_total counter
      widgets_consumer_requests_total{outcome="applied",type="create"} 40.0
      widgets_consumer_requests_total{outcome="warned",type="update"} 3.0
      widgets_consumer_requests_total{outcome="duplicate",type="update"} 5.0
      widgets_consumer_requests_total{outcome="rejected",type="invalid"} 2.0
      widgets_consumer_requests_total{outcome="released",type="create"} 7.0
      widgets_consumer_last_finished_timestamp_seconds 1.796126400123E9
      widgets_dynamodb_write_units_total{part="table",table="t"} 61.0
      widgets_dynamodb_write_units_total{part="owner-last_modified_on-index",table="t"} 40.0
      widgets_dynamodb_read_units_total{part="table",table="t"} 9.0
      """;

  @Test
  void everyFinishedRequestCounts_duplicatesToo_butNotOnesReleasedForAnotherDelivery() {
    ConsumerCounts.Scrape scrape = ConsumerCounts.parse(SCRAPE);

    assertThat(scrape.finished()).isEqualTo(40 + 3 + 5 + 2);
    assertThat(scrape.lastFinishedMillis()).isEqualTo(1_796_126_400_123L);
    assertThat(scrape.reportedWriteUnits()).isEqualTo(101.0);
  }

  @Test
  void anEndpointWithNothingYet_countsNothing() {
    assertThat(ConsumerCounts.parse("# no meters\n")).isEqualTo(new ConsumerCounts.Scrape(0, 0, 0));
  }

  @Test
  void latencies_areInterpolatedBetweenSamples_andEndAtTheConsumersOwnLastTime() {
    // 0 at the start (1000), 4 by 1100, 8 by 1200 sampled; the last finished at 1150
    long[] latencies =
        ConsumerProcess.latencies(
            List.of(new long[] {1000, 0}, new long[] {1100, 4}, new long[] {1200, 8}), 1000, 1150);

    assertThat(latencies).containsExactly(25, 50, 75, 100, 113, 125, 138, 150);
  }
}
