package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WidgetTableTest {
  private final Synth.Synthesised widgets = Synth.widgets();

  @Test
  void table_isOnDemand_withOwnerIndex_recovery_andTombstoneExpiry() {
    assertThat(widgets.resource(widgets.id(widgets.stack().table().table())))
        .containsEntry("DeletionPolicy", "Retain");
    assertThat(widgets.properties(widgets.stack().table().table()))
        .isEqualTo(
            Map.of(
                "TableName", "widgets",
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")),
                "AttributeDefinitions",
                    List.of(
                        Map.of("AttributeName", "id", "AttributeType", "S"),
                        Map.of("AttributeName", "owner", "AttributeType", "S"),
                        Map.of("AttributeName", "last_modified_on", "AttributeType", "S")),
                "GlobalSecondaryIndexes",
                    List.of(
                        Map.of(
                            "IndexName", "owner-last_modified_on-index",
                            "KeySchema",
                                List.of(
                                    Map.of("AttributeName", "owner", "KeyType", "HASH"),
                                    Map.of(
                                        "AttributeName", "last_modified_on", "KeyType", "RANGE")),
                            "Projection", Map.of("ProjectionType", "ALL"))),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                "SSESpecification", Map.of("SSEEnabled", true),
                "TimeToLiveSpecification",
                    Map.of("AttributeName", "wr_expires_at", "Enabled", true)));
  }
}
