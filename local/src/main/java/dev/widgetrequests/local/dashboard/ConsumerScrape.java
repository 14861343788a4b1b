package dev.widgetrequests.local.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a consumer's Prometheus endpoint: its request counts by outcome and its in-flight gauge.
 */
final class ConsumerScrape {
  private static final Pattern REQUESTS =
      Pattern.compile(
          "^widgets_consumer_requests_total\\{[^}]*outcome=\"(\\w+)\"[^}]*}\\s+(\\S+)",
          Pattern.MULTILINE);
  private static final Pattern IN_FLIGHT =
      Pattern.compile("^widgets_consumer_in_flight(?:\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  /**
   * What one consumer reported.
   *
   * @param outcomes requests finished so far, by outcome (applied, warned, rejected, released)
   */
  record Reading(Map<String, Long> outcomes, long inFlight) {}

  /** The consumer's counts, or empty when it does not answer (not started, or stopped). */
  Optional<Reading> read(URI endpoint) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
    } catch (IOException down) {
      return Optional.empty();
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static Reading parse(String metrics) {
    Map<String, Long> outcomes = new HashMap<>();
    Matcher requests = REQUESTS.matcher(metrics);
    while (requests.find()) {
      outcomes.merge(requests.group(1), (long) Double.parseDouble(requests.group(2)), Long::sum);
    }
    Matcher inFlight = IN_FLIGHT.matcher(metrics);
    long flying = inFlight.find() ? (long) Double.parseDouble(inFlight.group(1)) : 0;
    return new Reading(outcomes, flying);
  }
}
