package dev.widgetrequests.aws.store.dynamodb;

import dev.widgetrequests.model.config.ConfigurationException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** Turns a missing, unreachable or differently keyed widget table into a one-line fix. */
final class TableCheck {
  private static final List<String> DENIED_CODES =
      List.of("AccessDeniedException", "UnrecognizedClientException", "InvalidSignatureException");

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final String keyAttribute;

  TableCheck(DynamoDbClient dynamoDb, String table, String keyAttribute) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.keyAttribute = keyAttribute;
  }

  void run() {
    checkKey(describe());
  }

  private TableDescription describe() {
    try {
      return dynamoDb.describeTable(b -> b.tableName(table)).table();
    } catch (ResourceNotFoundException e) {
      throw new ConfigurationException(
          ("DynamoDB table \"%s\" does not exist in region %s: create it (string partition key"
                  + " \"%s\") or pass the right name with --dynamodb-widget-table")
              .formatted(table, region(), keyAttribute),
          e);
    } catch (DynamoDbException e) {
      if (!isDenied(e)) {
        throw e;
      }
      throw new ConfigurationException(
          "access to DynamoDB table \"%s\" is denied (%s): check the credentials (--profile) and their policy"
              .formatted(table, e.awsErrorDetails().errorCode()),
          e);
    }
  }

  private void checkKey(TableDescription description) {
    List<KeySchemaElement> schema = description.keySchema();
    Optional<String> hashKey =
        schema.stream()
            .filter(k -> k.keyType() == KeyType.HASH)
            .map(KeySchemaElement::attributeName)
            .findFirst();
    if (hashKey.isPresent() && !hashKey.get().equals(keyAttribute)) {
      throw new ConfigurationException(
          "DynamoDB table \"%s\" has partition key \"%s\", not \"%s\": pass --dynamodb-key-attribute %s"
              .formatted(table, hashKey.get(), keyAttribute, hashKey.get()));
    }
    if (schema.size() > 1) {
      throw new ConfigurationException(
          "DynamoDB table \"%s\" has a sort key; widgets need a table keyed by \"%s\" alone: use another table with --dynamodb-widget-table"
              .formatted(table, keyAttribute));
    }
    boolean stringKey =
        description.attributeDefinitions().stream()
            .filter(d -> d.attributeName().equals(keyAttribute))
            .map(AttributeDefinition::attributeType)
            .allMatch(ScalarAttributeType.S::equals);
    if (!stringKey) {
      throw new ConfigurationException(
          "DynamoDB table \"%s\" has a non-string partition key \"%s\"; widget ids are strings: use another table with --dynamodb-widget-table"
              .formatted(table, keyAttribute));
    }
  }

  private static boolean isDenied(DynamoDbException e) {
    return e.awsErrorDetails() != null && DENIED_CODES.contains(e.awsErrorDetails().errorCode());
  }

  private String region() {
    return dynamoDb.serviceClientConfiguration().region().id();
  }
}
