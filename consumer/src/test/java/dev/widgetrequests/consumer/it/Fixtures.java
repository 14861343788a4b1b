package dev.widgetrequests.consumer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.json.WidgetJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The repository's request fixtures: file name = S3 key, so name order is processing order. */
final class Fixtures {
  static final Path ROOT = Path.of("..", "fixtures");
  static final List<String> BAD_COURSE_SAMPLES =
      List.of("1612306374392", "1612306375135", "1612306375892");

  private Fixtures() {}

  /** Key -> body, in key order. */
  static TreeMap<String, String> courseSamples() {
    return requests(ROOT.resolve("course-samples"));
  }

  static TreeMap<String, String> liveProducerRun() {
    return requests(ROOT.resolve("live-producer-run"));
  }

  /** The final widgets the course samples must leave, derived by hand from the rules. */
  static Map<String, Widget> expectedCourseSampleWidgets() {
    try {
      JsonNode array =
          new ObjectMapper()
              .readTree(ROOT.resolve("expected/course-samples-widgets.json").toFile());
      Map<String, Widget> widgets = new TreeMap<>();
      for (JsonNode node : array) {
        Widget widget = WidgetJson.widgetFromJson(node.toString());
        widgets.put(widget.id(), widget);
      }
      return widgets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TreeMap<String, String> requests(Path dir) {
    TreeMap<String, String> byKey = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : new ArrayList<>(files.toList())) {
        byKey.put(file.getFileName().toString(), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byKey;
  }
}
