package dev.widgetrequests.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.constructs.Construct;

/**
 * The widget table: on demand, point-in-time recovery, the owner index (tombstones have no {@code
 * owner}, so the index skips them) and TTL on the tombstones' expiry attribute.
 */
public final class WidgetTable extends Construct {
  static final String TABLE_NAME = "widgets";
  static final String OWNER_INDEX = "owner-last_modified_on-index";
  static final String EXPIRY_ATTRIBUTE = "wr_expires_at";

  private final Table table;

  public WidgetTable(Construct scope, String id, InfraSettings settings) {
    super(scope, id);
    table =
        Table.Builder.create(this, "Table")
            .tableName(TABLE_NAME)
            .partitionKey(
                Attribute.builder()
                    .name(settings.partitionKey())
                    .type(AttributeType.STRING)
                    .build())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .encryption(TableEncryption.AWS_MANAGED)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .timeToLiveAttribute(EXPIRY_ATTRIBUTE)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    table.addGlobalSecondaryIndex(
        GlobalSecondaryIndexProps.builder()
            .indexName(OWNER_INDEX)
            .partitionKey(Attribute.builder().name("owner").type(AttributeType.STRING).build())
            .sortKey(
                Attribute.builder().name("last_modified_on").type(AttributeType.STRING).build())
            .projectionType(ProjectionType.ALL)
            .build());
  }

  public ITable table() {
    return table;
  }
}
