package dev.widgetrequests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The consumer's counts, read from its Prometheus endpoint ({@code --metrics-port}): requests
 * finished (every outcome but {@code released}: applied, warned, duplicate, rejected), when the
 * latest finished, and the DynamoDB write units the server returned.
 */
final class ConsumerCounts {
  /** What one scrape says; {@link #NONE} while the endpoint is not up. */
  record Scrape(long finished, long lastFinishedMillis, double reportedWriteUnits) {}

  static final Scrape NONE = new Scrape(0, 0, 0);

  private static final String FINISHED = "widgets_consumer_requests_total";
  private static final String LAST_FINISHED = "widgets_consumer_last_finished_timestamp_seconds";
  private static final String WRITE_UNITS = "widgets_dynamodb_write_units_total";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final URI endpoint;

  ConsumerCounts(int port) {
    // Only the three meters read here: the whole exposition, read this often, cost the consumer a
    // third of a millisecond of CPU per request at 700 req/s (docs/bench/README.md, Caveats).
    this.endpoint =
        URI.create(
            "http://127.0.0.1:%d/metrics?name%%5B%%5D=%s&name%%5B%%5D=%s&name%%5B%%5D=%s"
                .formatted(port, FINISHED, LAST_FINISHED, WRITE_UNITS));
  }

  /**
   * A scrape taken after {@code earlier}: the new one, or {@code earlier} when the endpoint is gone
   * (the consumer ended) or not up yet; the counts never go back.
   */
  Scrape scrapeAfter(Scrape earlier) throws InterruptedException {
    Scrape now = scrape();
    return now.finished() >= earlier.finished() ? now : earlier;
  }

  Scrape scrape() throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? parse(response.body()) : NONE;
    } catch (IOException notUpYet) {
      return NONE;
    }
  }

  static Scrape parse(String text) {
    long finished = 0;
    double lastFinishedSeconds = 0;
    double writeUnits = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith(FINISHED + "{") && !line.contains("outcome=\"released\"")) {
        finished += (long) value(line);
      } else if (line.startsWith(LAST_FINISHED + " ")) {
        lastFinishedSeconds = value(line);
      } else if (line.startsWith(WRITE_UNITS + "{")) {
        writeUnits += value(line);
      }
    }
    return new Scrape(finished, Math.round(lastFinishedSeconds * 1000), writeUnits);
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
