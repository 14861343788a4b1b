package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.widgetrequests.local.Metered;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostTest {
  @Test
  void aRequestsCost_isItsCallsAndUnitsAtListPrices() {
    // per request: a tenth of a receive and of a batch delete, a read and a write of two units
    // with one in the index, and a state PUT, a HEAD and a free DELETE in S3
    Metered metered =
        new Metered(
            Map.of(
                "SQS ReceiveMessage", 100L,
                "SQS DeleteMessageBatch", 100L,
                "DynamoDB GetItem", 1000L,
                "DynamoDB PutItem", 1000L,
                "S3 PutObject", 1000L,
                "S3 HeadObject", 1000L,
                "S3 DeleteObject", 1000L),
            2000,
            1000,
            1000);

    Cost cost = Cost.of(metered, 1000);

    assertThat(cost.sqsCalls()).isEqualTo(0.2);
    assertThat(cost.s3Calls()).isEqualTo(3);
    assertThat(cost.dynamoDbCalls()).isEqualTo(2);
    assertThat(cost.writeUnits()).isEqualTo(3);
    assertThat(cost.readUnits()).isEqualTo(1);
    // 0.2 × 0.40 + 3 × 0.625 + 1 × 0.125 + 5.00 (PUT) + 0.40 (HEAD) + 0 (DELETE)
    assertThat(cost.dollarsPerMillion()).isCloseTo(0.08 + 1.875 + 0.125 + 5.0 + 0.4, within(1e-9));
  }
}
