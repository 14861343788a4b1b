package dev.widgetrequests.model.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shipped JSON Schema ({@code widget-request.schema.json}, draft 2020-12), compiled once.
 * Thread safe: the compiled schema is immutable after {@link JsonSchema#initializeValidators()}.
 */
final class RequestSchema {

  static final String RESOURCE = "widget-request.schema.json";

  private final JsonSchema schema;
  private final SchemaViolations violations;

  private RequestSchema(JsonNode schemaNode) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_PATH)
            .regularExpressionFactory(new EcmaEndAnchorRegexFactory())
            .build();
    this.schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(schemaNode, config);
    this.schema.initializeValidators();
    this.violations = new SchemaViolations(schemaNode);
  }

  /** Loads the schema from the classpath, next to this class. */
  static RequestSchema load(ObjectMapper mapper) {
    try (InputStream in = RequestSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return new RequestSchema(mapper.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Every schema rule the request breaks, one violation per field and rule, in schema order. */
  List<Violation> check(JsonNode request) {
    Set<Violation> found = new LinkedHashSet<>();
    for (ValidationMessage message : schema.validate(request)) {
      found.add(violations.toViolation(message, request));
    }
    return List.copyOf(found);
  }
}
