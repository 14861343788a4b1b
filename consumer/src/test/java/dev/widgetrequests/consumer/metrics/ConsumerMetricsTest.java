package dev.widgetrequests.consumer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.consumer.engine.Outcome;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.source.Delivery;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConsumerMetricsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
  private final ConsumerMetrics metrics = new ConsumerMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
  private final RequestParser parser = new RequestParser();

  @Test
  void finished_countsByOutcomeAndType_andRecordsLagFromTheOrderKey() {
    Delivery old = delivery("%013d-0001".formatted(NOW.minusSeconds(3).toEpochMilli()));
    ParseResult create =
        parser.parse(
            "{\"type\":\"create\",\"requestId\":\"r1\",\"widgetId\":\"w1\",\"owner\":\"Mary Matthews\"}");
    metrics.dispatched(old);
    metrics.dispatched(old);
    metrics.started(old);
    assertThat(metrics.scrape())
        .contains("widgets_consumer_in_flight 2.0")
        .contains("widgets_consumer_lane_backlog 1.0");

    metrics.finished(old, create, new Outcome.Applied());
    metrics.finished(delivery("message-id"), parser.parse("nope"), new Outcome.Rejected("bad"));
    metrics.retried(old, new IllegalStateException("throttled"));

    String scrape = metrics.scrape();
    assertThat(scrape)
        .contains("widgets_consumer_requests_total{outcome=\"applied\",type=\"create\"} 1.0")
        .contains("widgets_consumer_requests_total{outcome=\"rejected\",type=\"invalid\"} 1.0")
        .contains(
            "widgets_consumer_last_finished_timestamp_seconds " + NOW.getEpochSecond() / 1e9 + "E9")
        .contains("widgets_consumer_retries_total 1.0")
        .contains("widgets_consumer_in_flight 0.0")
        .contains("widgets_consumer_lag_seconds_count 1")
        .contains("widgets_consumer_lag_seconds_bucket{le=\"2.5\"} 0")
        .contains("widgets_consumer_lag_seconds_bucket{le=\"5.0\"} 1");
    assertThat(metrics.snapshot())
        .isEqualTo(new ConsumerMetrics.Snapshot(2, 0, 1, Duration.ofSeconds(3).toMillis()));
  }

  @Test
  void metricsEndpoint_answersOnlyTheNamesAskedFor_andEverythingWithoutANameFilter()
      throws Exception {
    Delivery delivery = delivery("x");
    metrics.dispatched(delivery);
    metrics.finished(delivery, parser.parse("nope"), new Outcome.Rejected("bad"));
    HttpClient http = HttpClient.newHttpClient();
    try (MetricsServer server =
        new MetricsServer(InetAddress.getLoopbackAddress(), 0, metrics::scrape)) {
      String base = "http://127.0.0.1:" + server.port() + "/metrics";

      String some =
          get(
              http,
              base
                  + "?name%5B%5D=widgets_consumer_requests_total"
                  + "&name[]=widgets_consumer_last_finished_timestamp_seconds");
      String all = get(http, base);

      assertThat(some)
          .contains("widgets_consumer_requests_total{outcome=\"rejected\",type=\"invalid\"} 1.0")
          .contains("widgets_consumer_last_finished_timestamp_seconds ")
          .doesNotContain("widgets_consumer_lag_seconds")
          .doesNotContain("widgets_consumer_in_flight");
      assertThat(all)
          .contains("widgets_consumer_lag_seconds")
          .contains("widgets_consumer_in_flight");
      assertThat(some.length()).isLessThan(all.length() / 4);
    }
  }

  private static String get(HttpClient http, String uri) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), BodyHandlers.ofString())
        .body();
  }

  @Test
  void released_isCountedButNotHandled() {
    Delivery delivery = delivery("x");
    metrics.dispatched(delivery);
    metrics.finished(delivery, parser.parse("nope"), new Outcome.Released("timeout"));
    assertThat(metrics.scrape())
        .contains("widgets_consumer_requests_total{outcome=\"released\",type=\"invalid\"} 1.0");
    assertThat(metrics.snapshot().handled()).isZero();
  }

  private static Delivery delivery(String position) {
    return new Delivery() {
      @Override
      public String body() {
        return "";
      }

      @Override
      public String position() {
        return position;
      }

      @Override
      public String orderKey() {
        return position;
      }
    };
  }
}
