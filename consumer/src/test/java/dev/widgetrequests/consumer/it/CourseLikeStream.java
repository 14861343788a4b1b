package dev.widgetrequests.consumer.it;

import dev.widgetrequests.model.Attribute;
import dev.widgetrequests.model.CreateWidget;
import dev.widgetrequests.model.DeleteWidget;
import dev.widgetrequests.model.UpdateWidget;
import dev.widgetrequests.model.Widget;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.apply.Replay;
import dev.widgetrequests.model.fold.KeyedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded stream like the course's: creates, updates (with {@code ""} and null fields), deletes,
 * owner mismatches, re-created ids and repeated request ids, each with a producer-style order key;
 * and a send plan that shuffles it within windows and sends some requests twice.
 */
final class CourseLikeStream {
  private static final List<String> OWNERS =
      List.of("Mary Matthews", "Sue Smith", "John Jones", "Henry Hops", "Ann Arbor");

  private CourseLikeStream() {}

  static List<KeyedRequest> generate(long seed, int count) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    Map<String, String> owners = new HashMap<>();
    List<KeyedRequest> stream = new ArrayList<>();
    // Keys a little in the past, as a producer's are by the time they are sent: the consumer
    // keeps a claimed key only within 15 minutes before and 2 s after the send time.
    long millis = System.currentTimeMillis() - count / 3 - 1_000;
    String lastRequestId = "none";
    for (int i = 0; i < count; i++) {
      String key = "%013d-%04d".formatted(millis + i / 3, i % 3);
      String requestId = random.nextInt(30) == 0 ? lastRequestId : UUID.randomUUID().toString();
      int roll = random.nextInt(100);
      WidgetRequest request;
      if (roll < 25 || ids.isEmpty()) {
        String id = new UUID(seed, i).toString();
        String owner = OWNERS.get(random.nextInt(OWNERS.size()));
        ids.add(id);
        owners.put(id, owner);
        request = create(random, requestId, id, owner);
      } else {
        String id = ids.get(Math.max(0, ids.size() - 1 - random.nextInt(60)));
        String owner =
            random.nextInt(12) == 0 ? OWNERS.get(random.nextInt(OWNERS.size())) : owners.get(id);
        request =
            roll < 33
                ? create(random, requestId, id, owner) // replaces, is refused, or re-creates
                : roll < 80
                    ? update(random, requestId, id, owner)
                    : new DeleteWidget(requestId, id, owner);
      }
      lastRequestId = requestId;
      stream.add(new KeyedRequest(key, request));
    }
    return stream;
  }

  /** The stream shuffled within windows, with about {@code duplicatePercent} sent again later. */
  static List<KeyedRequest> sendPlan(
      List<KeyedRequest> stream, long seed, int window, int duplicatePercent) {
    Random random = new Random(seed);
    List<KeyedRequest> plan = new ArrayList<>();
    for (int from = 0; from < stream.size(); from += window) {
      List<KeyedRequest> part =
          new ArrayList<>(stream.subList(from, Math.min(stream.size(), from + window)));
      Collections.shuffle(part, random);
      plan.addAll(part);
    }
    List<KeyedRequest> withDuplicates = new ArrayList<>(plan);
    for (KeyedRequest request : plan) {
      if (random.nextInt(100) < duplicatePercent) {
        int at = Math.min(withDuplicates.size(), plan.indexOf(request) + 20 + random.nextInt(200));
        withDuplicates.add(at, request);
      }
    }
    return withDuplicates;
  }

  /** The in-order result: the distinct requests (key and content) replayed in position order. */
  static Map<String, Widget> inOrder(List<KeyedRequest> stream) {
    Map<String, WidgetRequest> distinct = new LinkedHashMap<>();
    stream.stream()
        .sorted(Comparator.comparing(KeyedRequest::position))
        .forEach(k -> distinct.putIfAbsent(k.position(), k.request()));
    return Replay.of(distinct.values());
  }

  private static CreateWidget create(Random random, String requestId, String id, String owner) {
    List<Attribute> attributes = new ArrayList<>();
    for (int a = random.nextInt(4); a > 0; a--) {
      attributes.add(new Attribute("attr-" + random.nextInt(6), value(random)));
    }
    return new CreateWidget(
        requestId,
        id,
        owner,
        random.nextInt(8) == 0 ? "" : word(random),
        random.nextInt(4) == 0 ? null : word(random),
        attributes.stream().distinct().collect(distinctNames()));
  }

  private static UpdateWidget update(Random random, String requestId, String id, String owner) {
    List<Attribute> attributes = new ArrayList<>();
    for (int a = random.nextInt(3); a > 0; a--) {
      attributes.add(
          new Attribute("attr-" + random.nextInt(6), random.nextInt(4) == 0 ? "" : value(random)));
    }
    return new UpdateWidget(
        requestId,
        id,
        owner,
        optional(random),
        optional(random),
        attributes.stream().collect(distinctNames()));
  }

  /** {@code null} (unchanged), {@code ""} (removed) or a value. */
  private static String optional(Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> "";
      default -> word(random);
    };
  }

  private static String word(Random random) {
    return Long.toString(random.nextLong() >>> 30, 36).toUpperCase(java.util.Locale.ROOT);
  }

  private static String value(Random random) {
    return Integer.toString(random.nextInt(1000));
  }

  /** Keeps the first attribute of each name: a request names an attribute once. */
  private static java.util.stream.Collector<Attribute, ?, List<Attribute>> distinctNames() {
    return java.util.stream.Collectors.collectingAndThen(
        java.util.stream.Collectors.toMap(
            Attribute::name, a -> a, (first, second) -> first, LinkedHashMap::new),
        map -> List.copyOf(map.values()));
  }
}
