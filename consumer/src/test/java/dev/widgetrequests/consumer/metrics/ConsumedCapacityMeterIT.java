package dev.widgetrequests.consumer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.local.LocalStack;
import dev.widgetrequests.local.LocalStackExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** The consumer's clients ask DynamoDB what each item call consumed, and count what it says. */
@ExtendWith(LocalStackExtension.class)
class ConsumedCapacityMeterIT {

  @Test
  void itemWritesAndReads_askForTheirCapacity_andTheUnitsReturnedAreCounted(LocalStack stack) {
    ConsumerMetrics metrics = new ConsumerMetrics(Clock.systemUTC());
    String table = stack.createWidgetTable(stack.uniqueName("capacity"), "id");
    AwsSettings settings =
        new AwsSettings(
            LocalStack.REGION,
            null,
            null,
            stack.s3Endpoint(),
            stack.sqsEndpoint(),
            stack.dynamoDbEndpoint());
    try (AwsClients clients =
        new AwsClients(settings, List.of(new ConsumedCapacityMeter(metrics.registry())))) {
      Map<String, AttributeValue> item =
          Map.of("id", AttributeValue.fromS("w1"), "pad", AttributeValue.fromS("p".repeat(1500)));
      var put = clients.dynamoDb().putItem(r -> r.tableName(table).item(item));
      clients
          .dynamoDb()
          .getItem(r -> r.tableName(table).key(Map.of("id", item.get("id"))).consistentRead(true));
      // a caller's own choice stands
      var untold =
          clients
              .dynamoDb()
              .putItem(
                  r ->
                      r.tableName(table)
                          .item(item)
                          .returnConsumedCapacity(ReturnConsumedCapacity.NONE));

      assertThat(put.consumedCapacity()).isNotNull();
      assertThat(untold.consumedCapacity()).isNull();
    }

    assertThat(metrics.scrape())
        .contains("widgets_dynamodb_write_units_total{part=\"table\",table=\"" + table + "\"} 2.0")
        .contains("widgets_dynamodb_read_units_total{part=\"table\",table=\"" + table + "\"} 1.0");
  }
}
