package dev.widgetrequests.lambda;

import dev.widgetrequests.lambda.queue.RequestQueue;
import java.util.ArrayList;
import java.util.List;

/** An in-memory request queue that keeps every message it is sent. */
final class RecordingQueue implements RequestQueue {
  private final List<String> messages = new ArrayList<>();
  private final List<java.util.Map<String, String>> attributes = new ArrayList<>();

  @Override
  public synchronized String send(
      String body, String widgetId, java.util.Map<String, String> attributes) {
    this.attributes.add(attributes);
    messages.add(body);
    return "message-" + messages.size();
  }

  synchronized List<java.util.Map<String, String>> attributes() {
    return List.copyOf(attributes);
  }

  synchronized List<String> messages() {
    return List.copyOf(messages);
  }
}
