package dev.widgetrequests.consumer.it;

import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the fed inputs must come to: the valid requests each path must apply, the queue messages
 * that must end in the dead-letter queue, and how many bucket objects must end under {@code
 * rejected/}. The request parser is the oracle for a body; what a pointer leads to is known by
 * construction.
 */
final class HostileExpectations {
  private static final RequestParser PARSER = new RequestParser();

  final List<WidgetRequest> toQueueStore = Collections.synchronizedList(new ArrayList<>());
  final List<WidgetRequest> toTableStore = Collections.synchronizedList(new ArrayList<>());
  final Set<String> deadMessageIds = ConcurrentHashMap.newKeySet();
  final Set<String> liveMessageIds = ConcurrentHashMap.newKeySet();
  int rejectedObjects;
  int fedHttp;
  int fedQueue;
  int fedPointers;
  int fedObjects;

  /** The request in {@code body} when it is one, else {@code null}. */
  static WidgetRequest valid(byte[] body) {
    if (!HostileEvents.isUtf8(body)) {
      return null;
    }
    return PARSER.parse(new String(body, StandardCharsets.UTF_8)) instanceof ParseResult.Valid v
        ? v.request()
        : null;
  }

  /** A message the consumer must apply (or warn about), never dead-letter. */
  void applied(String messageId, WidgetRequest request) {
    liveMessageIds.add(messageId);
    toQueueStore.add(request);
  }

  void dead(String messageId) {
    deadMessageIds.add(messageId);
  }

  /** A message whose object is gone: logged and deleted, neither applied nor dead. */
  void discarded(String messageId) {
    liveMessageIds.add(messageId);
  }

  synchronized void object(byte[] body) {
    WidgetRequest request = valid(body);
    if (request == null) {
      rejectedObjects++;
    } else {
      toTableStore.add(request);
    }
  }

  /** Requests on other owners' victims change nothing; the rest each have a widget of their own. */
  static List<WidgetRequest> notOnVictims(List<WidgetRequest> requests) {
    return requests.stream().filter(r -> !r.widgetId().startsWith("victim-")).toList();
  }
}
