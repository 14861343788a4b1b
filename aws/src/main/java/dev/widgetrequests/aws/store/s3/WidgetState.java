package dev.widgetrequests.aws.store.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.widgetrequests.aws.store.conditional.ConditionalWidgetStore;
import dev.widgetrequests.model.fold.HistoryJson;
import dev.widgetrequests.model.fold.WidgetHistory;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A widget's state object under {@code widget-state/}: its history, and the keys of every widget
 * object it may have been projected to (one per owner slug that ever held it), so a stale one can
 * be removed. {@code eTag} is the stored object's ETag, {@code null} when there is none yet.
 */
record WidgetState(WidgetHistory history, Set<String> objects, String eTag)
    implements ConditionalWidgetStore.Stored {
  static final WidgetState NONE = new WidgetState(WidgetHistory.EMPTY, Set.of(), null);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  WidgetState {
    objects = Set.copyOf(new LinkedHashSet<>(objects));
  }

  String toJson() {
    ObjectNode json = MAPPER.createObjectNode();
    json.set("history", parse(HistoryJson.toJson(history)));
    objects.stream().sorted().forEach(json.putArray("objects")::add);
    return json.toString();
  }

  static WidgetState fromJson(String text, String eTag) {
    JsonNode json = parse(text);
    Set<String> objects = new LinkedHashSet<>();
    json.path("objects").forEach(key -> objects.add(key.asText()));
    return new WidgetState(HistoryJson.fromJson(json.path("history").toString()), objects, eTag);
  }

  private static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("widget state is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
