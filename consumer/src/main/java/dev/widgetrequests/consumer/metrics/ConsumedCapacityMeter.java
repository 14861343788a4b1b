package dev.widgetrequests.consumer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What the store's DynamoDB calls are billed by: asks every item read and write for its consumed
 * capacity ({@code ReturnConsumedCapacity INDEXES}) and counts what DynamoDB returns as {@code
 * widgets_dynamodb_write_units_total} and {@code widgets_dynamodb_read_units_total}, by table and
 * {@code part} ({@code table}, or the name of a global secondary index). On AWS these are the units
 * billed; a local server may return the table's units only, or none (see docs/bench/README.md).
 */
public final class ConsumedCapacityMeter implements ExecutionInterceptor {
  private final MeterRegistry registry;
  private final Map<Units, Counter> counters = new ConcurrentHashMap<>();

  private record Units(String kind, String table, String part) {}

  public ConsumedCapacityMeter(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
    return switch (context.request()) {
      case PutItemRequest put when put.returnConsumedCapacity() == null ->
          put.toBuilder().returnConsumedCapacity(indexes).build();
      case DeleteItemRequest delete when delete.returnConsumedCapacity() == null ->
          delete.toBuilder().returnConsumedCapacity(indexes).build();
      case UpdateItemRequest update when update.returnConsumedCapacity() == null ->
          update.toBuilder().returnConsumedCapacity(indexes).build();
      case GetItemRequest get when get.returnConsumedCapacity() == null ->
          get.toBuilder().returnConsumedCapacity(indexes).build();
      default -> context.request();
    };
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    switch (response) {
      case PutItemResponse put -> count("write", put.consumedCapacity());
      case DeleteItemResponse delete -> count("write", delete.consumedCapacity());
      case UpdateItemResponse update -> count("write", update.consumedCapacity());
      case GetItemResponse get -> count("read", get.consumedCapacity());
      default -> {
        // Not an item call: nothing consumed to count.
      }
    }
  }

  private void count(String kind, ConsumedCapacity consumed) {
    if (consumed == null) {
      return; // the server did not say
    }
    String table = consumed.tableName();
    Double tableUnits =
        consumed.table() != null ? consumed.table().capacityUnits() : consumed.capacityUnits();
    add(kind, table, "table", tableUnits);
    consumed
        .globalSecondaryIndexes()
        .forEach((index, capacity) -> add(kind, table, index, capacity.capacityUnits()));
  }

  private void add(String kind, String table, String part, Double units) {
    if (units == null) {
      return;
    }
    counters
        .computeIfAbsent(
            new Units(kind, table == null ? "" : table, part),
            key ->
                Counter.builder("widgets.dynamodb." + key.kind() + ".units")
                    .description("DynamoDB capacity units consumed, as DynamoDB returned them")
                    .tag("table", key.table())
                    .tag("part", key.part())
                    .register(registry))
        .increment(units);
  }
}
