package dev.widgetrequests.model.parse;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.widgetrequests.model.config.MessageSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses and validates a request body against every rule of the widget-request contract. Thread
 * safe; build once and share.
 *
 * <p>Field rules live in the shipped JSON Schema ({@code widget-request.schema.json}); what a
 * schema cannot say (size, nesting depth, attribute count, JSON syntax, duplicate, reserved and
 * unprintable attribute names, invalid Unicode) is checked here. Every broken rule is reported, not
 * just the first.
 */
public final class RequestParser {

  /** Largest body accepted by default, in UTF-8 bytes ({@link MessageSize#DEFAULT_BYTES}). */
  public static final int MAX_BODY_BYTES = MessageSize.DEFAULT_BYTES;

  /**
   * Attribute names a request may not use: the widget's own fields and the stores' key and
   * bookkeeping attributes, which DynamoDB keeps beside the attributes at the top level of an item.
   */
  public static final Set<String> RESERVED_ATTRIBUTE_NAMES = AttributeNames.RESERVED;

  /** Deepest JSON accepted: a request is three levels deep; more is an attack on the parser. */
  public static final int MAX_NESTING_DEPTH = 32;

  /** Most entries in {@code otherAttributes}. */
  public static final int MAX_ATTRIBUTES = RequestLimits.MAX_ATTRIBUTES;

  // Two equal keys in one object are rejected rather than resolved by "last one wins".
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              new JsonFactoryBuilder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                  .build())
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private static final RequestSchema SCHEMA = RequestSchema.load(MAPPER);

  private final int maxBodyBytes;

  /** A parser taking bodies of up to {@value #MAX_BODY_BYTES} bytes. */
  public RequestParser() {
    this(MessageSize.DEFAULT);
  }

  /** A parser taking bodies of up to {@code size} bytes. */
  public RequestParser(MessageSize size) {
    this.maxBodyBytes = size.bytes();
  }

  /** The largest body this parser accepts, in UTF-8 bytes. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public ParseResult parse(String body) {
    if (body == null || body.isBlank()) {
      return invalid("empty");
    }
    long bytes = utf8Length(body);
    if (bytes > maxBodyBytes) {
      return invalid("larger than " + maxBodyBytes + " bytes (got " + bytes + " bytes)");
    }
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (StreamConstraintsException tooDeep) {
      return invalid("nested deeper than " + MAX_NESTING_DEPTH + " levels");
    } catch (JsonProcessingException e) {
      return invalid("not valid JSON: " + describe(e));
    }
    if (!json.isObject()) {
      String kind = json.getNodeType().name().toLowerCase(Locale.ROOT);
      return invalid("must be a JSON object (got " + kind + ")");
    }
    List<Violation> violations = new ArrayList<>(SCHEMA.check(json));
    violations.addAll(AttributeNames.check(json.path("otherAttributes")));
    violations.addAll(RequestLimits.check(json));
    return violations.isEmpty()
        ? new ParseResult.Valid(RequestReader.read(json))
        : new ParseResult.Invalid(violations);
  }

  private static ParseResult invalid(String message) {
    return new ParseResult.Invalid(List.of(new Violation("body", message)));
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage().replaceAll("\\s+", " ").strip();
    JsonLocation at = e.getLocation();
    return at == null
        ? message
        : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  /** UTF-8 length without encoding a copy of a body that may be far too large. */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
