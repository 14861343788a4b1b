package dev.widgetrequests.producer.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.json.WidgetJson;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {
  private static final int N = 10_000;
  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
  private static final List<String> ATTRIBUTE_ORDER =
      Arrays.stream(AttributeName.values()).map(AttributeName::wireName).toList();

  static List<WidgetRequest> stream(long seed, int count) {
    RequestGenerator generator = RequestGenerator.seeded(seed);
    return Stream.generate(generator::next).limit(count).toList();
  }

  @Test
  void firstRequests_areWarmUpCreates() {
    assertThat(stream(1, RequestGenerator.WARM_UP)).allMatch(CreateWidget.class::isInstance);
  }

  @Test
  void afterWarmUp_mixOver10000Requests_isWithinFivePointsOfTarget() {
    List<WidgetRequest> mixed =
        stream(2, RequestGenerator.WARM_UP + N)
            .subList(RequestGenerator.WARM_UP, RequestGenerator.WARM_UP + N);

    assertThat(percent(mixed, CreateWidget.class)).isCloseTo(60.0, within(5));
    assertThat(percent(mixed, UpdateWidget.class)).isCloseTo(30.0, within(5));
    assertThat(percent(mixed, DeleteWidget.class)).isCloseTo(10.0, within(5));
  }

  @Test
  void updatesAndDeletes_nameAnEarlierWidgetWithItsOwner() {
    Map<String, String> ownersOfCreated = new HashMap<>();
    for (WidgetRequest request : stream(3, N)) {
      if (request instanceof CreateWidget create) {
        assertThat(ownersOfCreated).doesNotContainKey(create.widgetId());
        ownersOfCreated.put(create.widgetId(), create.owner());
      } else {
        assertThat(ownersOfCreated).containsEntry(request.widgetId(), request.owner());
      }
    }
  }

  @Test
  void someUpdatesAndDeletes_nameAnAlreadyDeletedWidget() {
    Set<String> deleted = new HashSet<>();
    int namingDeleted = 0;
    for (WidgetRequest request : stream(4, N)) {
      if (!(request instanceof CreateWidget) && deleted.contains(request.widgetId())) {
        namingDeleted++;
      }
      if (request instanceof DeleteWidget) {
        deleted.add(request.widgetId());
      }
    }
    assertThat(namingDeleted).isBetween(N / 100, N / 10);
  }

  @Test
  void sameSeed_givesIdenticalRequests_idsIncluded() {
    assertThat(stream(42, N)).isEqualTo(stream(42, N));
  }

  @Test
  void differentSeeds_giveDifferentRequests() {
    List<WidgetRequest> first = stream(42, 100);
    List<WidgetRequest> second = stream(43, 100);

    assertThat(first).doesNotContainAnyElementsOf(second);
    assertThat(first.getFirst().requestId()).isNotEqualTo(second.getFirst().requestId());
  }

  @Test
  void everyRequest_passesValidation_andReadsBackAsItself() {
    RequestParser parser = new RequestParser();
    for (WidgetRequest request : stream(5, N)) {
      ParseResult result = parser.parse(WidgetJson.toJson(request));

      assertThat(result).isEqualTo(new ParseResult.Valid(request));
    }
  }

  @Test
  void requests_lookLikeTheCourseProducers() {
    for (WidgetRequest request : stream(6, N)) {
      assertThat(request.requestId()).matches(UUID_V4);
      assertThat(request.widgetId()).matches(UUID_V4);
      assertThat(RequestGenerator.OWNERS).contains(request.owner());
      switch (request) {
        case CreateWidget c -> assertContent(c.label(), c.description(), c.otherAttributes());
        case UpdateWidget u -> assertContent(u.label(), u.description(), u.otherAttributes());
        case DeleteWidget d -> {}
      }
    }
  }

  private static void assertContent(String label, String description, List<Attribute> attributes) {
    if (label != null) {
      assertThat(label).matches("[A-Z]{0,9}");
    }
    if (description != null) {
      assertThat(description).matches("[A-Z]{0,100}");
    }
    List<String> names = attributes.stream().map(Attribute::name).toList();
    assertThat(names).doesNotHaveDuplicates().isSubsetOf(ATTRIBUTE_ORDER);
    assertThat(names)
        .isSortedAccordingTo(
            (a, b) -> Integer.compare(ATTRIBUTE_ORDER.indexOf(a), ATTRIBUTE_ORDER.indexOf(b)));
  }

  @Test
  void creates_sometimesHaveAnEmptyLabel_andUpdatesSometimesRemoveFields() {
    List<WidgetRequest> requests = stream(7, N);

    assertThat(requests).anyMatch(r -> r instanceof CreateWidget c && c.label().isEmpty());
    assertThat(requests).anyMatch(r -> r instanceof UpdateWidget u && u.label() == null);
    assertThat(requests).anyMatch(r -> r instanceof UpdateWidget u && "".equals(u.label()));
    assertThat(requests)
        .anyMatch(
            r ->
                r instanceof UpdateWidget u
                    && u.otherAttributes().stream().anyMatch(a -> a.value().isEmpty()));
  }

  @Test
  void ownersAndAttributeNames_matchTheCourseProducerRun() throws IOException {
    Set<String> courseOwners = new HashSet<>();
    Set<String> courseAttributes = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("..", "fixtures", "live-producer-run"))) {
      for (Path file : files.toList()) {
        JsonNode request = json.readTree(file.toFile());
        courseOwners.add(request.get("owner").asText());
        request.path("otherAttributes").forEach(a -> courseAttributes.add(a.get("name").asText()));
      }
    }

    assertThat(RequestGenerator.OWNERS).containsExactlyInAnyOrderElementsOf(courseOwners);
    assertThat(ATTRIBUTE_ORDER).containsExactlyInAnyOrderElementsOf(courseAttributes);
  }

  private static double percent(List<WidgetRequest> requests, Class<?> type) {
    return 100.0 * requests.stream().filter(type::isInstance).count() / requests.size();
  }

  private static org.assertj.core.data.Offset<Double> within(double points) {
    return org.assertj.core.data.Offset.offset(points);
  }
}
