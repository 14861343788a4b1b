package dev.widgetrequests.producer.sink;

import dev.widgetrequests.model.WidgetRequest;
import java.util.Objects;

/**
 * One request on its way out.
 *
 * @param key the S3 key for it (production order)
 * @param request the request, for its widget id and type
 * @param body the request as JSON, exactly what is stored or sent
 */
public record OutgoingRequest(String key, WidgetRequest request, String body) {
  public OutgoingRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(body, "body");
  }
}
