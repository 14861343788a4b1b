package dev.widgetrequests.lambda.intake;

import dev.widgetrequests.lambda.queue.QueueSendException;
import dev.widgetrequests.lambda.queue.RequestQueue;
import dev.widgetrequests.model.WidgetRequest;
import dev.widgetrequests.model.parse.ParseResult;
import dev.widgetrequests.model.parse.RequestParser;
import dev.widgetrequests.model.parse.Violation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Takes one request body: checks its size, gives it a request id if it has none, validates it and
 * puts its canonical form on the request queue, with its order key. Thread safe.
 */
public final class RequestIntake {
  /** Longest {@code request-id} attribute: an id is for tracing, the body holds it whole. */
  private static final int MAX_ID_ATTRIBUTE_CHARS = 256;

  private final RequestParser parser;
  private final RequestQueue queue;
  private final Supplier<String> requestIds;
  private final RequestKeys requestKeys;

  public RequestIntake(
      RequestParser parser,
      RequestQueue queue,
      Supplier<String> requestIds,
      RequestKeys requestKeys) {
    this.parser = parser;
    this.queue = queue;
    this.requestIds = requestIds;
    this.requestKeys = requestKeys;
  }

  /**
   * @param body the raw body, as the caller sent it
   */
  public Submission submit(byte[] body) {
    if (body.length > parser.maxBodyBytes()) {
      return new Submission.TooLarge(body.length, parser.maxBodyBytes());
    }
    String text;
    try {
      text = strictUtf8(body);
    } catch (CharacterCodingException notUtf8) {
      return new Submission.Rejected(
          null, null, null, List.of(new Violation("body", "is not UTF-8 text")));
    }
    StampedBody stamped = StampedBody.of(text, requestIds);
    return switch (parser.parse(stamped.json())) {
      case ParseResult.Valid valid -> send(valid.request());
      case ParseResult.Invalid invalid ->
          new Submission.Rejected(
              stamped.requestId(), stamped.widgetId(), stamped.type(), invalid.violations());
    };
  }

  private Submission send(WidgetRequest request) {
    String json = CanonicalRequest.json(request);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("request-key", requestKeys.next());
    attributes.put("request-id", idAttribute(request.requestId()));
    attributes.put("widget-id", request.widgetId());
    int bytes = json.getBytes(StandardCharsets.UTF_8).length + attributeBytes(attributes);
    if (bytes > parser.maxBodyBytes()) {
      // SQS counts the attributes in a message's size, and a request id filled in grows the body:
      // a body just under the limit can come out over it, and SQS would refuse it.
      return new Submission.TooLarge(bytes, parser.maxBodyBytes());
    }
    try {
      return new Submission.Accepted(
          request, queue.send(json, request.widgetId(), request.owner(), attributes));
    } catch (QueueSendException e) {
      return e.retryable()
          ? new Submission.QueueUnavailable(request, e.getMessage())
          : new Submission.QueueRefused(request, e.getMessage());
    }
  }

  /** What String attributes add to a message's size in SQS: each name, type and value. */
  private static int attributeBytes(Map<String, String> attributes) {
    int bytes = 0;
    for (Map.Entry<String, String> attribute : attributes.entrySet()) {
      bytes +=
          attribute.getKey().getBytes(StandardCharsets.UTF_8).length
              + "String".length()
              + attribute.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  /** The id as SQS takes it in an attribute: cut short, refused characters replaced. */
  private static String idAttribute(String requestId) {
    String id =
        requestId.length() <= MAX_ID_ATTRIBUTE_CHARS
            ? requestId
            : requestId.substring(0, MAX_ID_ATTRIBUTE_CHARS);
    StringBuilder safe = new StringBuilder(id.length());
    id.codePoints()
        .forEach(c -> safe.appendCodePoint(c < 0x20 || c == 0xFFFE || c == 0xFFFF ? '?' : c));
    return safe.toString().replaceAll("[\\uD800-\\uDFFF]", "?");
  }

  private static String strictUtf8(byte[] body) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(body))
        .toString();
  }
}
