package dev.widgetrequests.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.apply.Replay;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The course's real request data against the rules. */
class FixturesTest {

  private static final Path FIXTURES = Path.of("..", "fixtures");
  private final RequestParser parser = new RequestParser();

  /** File name (S3 key) to parse result, in file-name order, which is processing order. */
  Map<String, ParseResult> parseAll(String directory) throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES.resolve(directory))) {
      return files
          .sorted(Comparator.comparing(path -> path.getFileName().toString()))
          .collect(
              Collectors.toMap(
                  path -> path.getFileName().toString(),
                  path -> parser.parse(read(path)),
                  (a, b) -> a,
                  LinkedHashMap::new));
    }
  }

  static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, ParseResult.Invalid> invalid(Map<String, ParseResult> results) {
    Map<String, ParseResult.Invalid> invalid = new TreeMap<>();
    results.forEach(
        (key, result) -> {
          if (result instanceof ParseResult.Invalid i) {
            invalid.put(key, i);
          }
        });
    return invalid;
  }

  @Test
  void liveProducerRun_everyRequestIsValid() throws IOException {
    Map<String, ParseResult> results = parseAll("live-producer-run");
    assertThat(results).hasSize(222);
    assertThat(invalid(results)).isEmpty();
  }

  @Test
  void liveProducerRun_has196Creates21Updates5Deletes() throws IOException {
    Map<String, Long> counts =
        parseAll("live-producer-run").values().stream()
            .map(result -> ((ParseResult.Valid) result).request().type())
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(Map.of("create", 196L, "update", 21L, "delete", 5L));
  }

  @Test
  void liveProducerRun_requestsSurviveWritingAndParsingAgain() throws IOException {
    for (ParseResult result : parseAll("live-producer-run").values()) {
      WidgetRequest request = ((ParseResult.Valid) result).request();
      assertThat(parser.parse(WidgetJson.toJson(request))).isEqualTo(result);
    }
  }

  @Test
  void courseSamples_rejectExactlyTheThreeBadOnes_forTheRightReasons() throws IOException {
    Map<String, ParseResult> results = parseAll("course-samples");
    assertThat(results).hasSize(35);
    Map<String, String> reasons = new TreeMap<>();
    invalid(results).forEach((key, result) -> reasons.put(key, result.reason()));
    assertThat(reasons)
        .containsExactly(
            Map.entry("1612306374392", "body: empty"),
            Map.entry("1612306375135", "type: must be one of create, update, delete (got \"bad\")"),
            Map.entry("1612306375892", "owner: is required"));
  }

  @Test
  void courseSamples_appliedInOrder_giveTheExpectedWidgets() throws IOException {
    List<WidgetRequest> valid = new ArrayList<>();
    for (ParseResult result : parseAll("course-samples").values()) {
      if (result instanceof ParseResult.Valid(WidgetRequest request)) {
        valid.add(request);
      }
    }
    Map<String, Widget> widgets = Replay.of(valid);
    List<Widget> expected =
        WidgetJson.widgetsFromJson(
            read(FIXTURES.resolve("expected").resolve("course-samples-widgets.json")));
    assertThat(List.copyOf(widgets.values())).containsExactlyElementsOf(expected);
  }
}
