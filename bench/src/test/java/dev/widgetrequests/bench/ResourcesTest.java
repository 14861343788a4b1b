package dev.widgetrequests.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.local.QueuePair;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourcesTest {
  @Test
  void processArguments_giveTheSamePathAndResourcesInTheChild() {
    Resources claimCheck =
        new Resources(
            BenchPath.CLAIM_CHECK,
            null,
            new QueuePair("http://127.0.0.1:1/q", "http://127.0.0.1:1/q-dlq"),
            null,
            "payloads",
            null,
            "table");
    Resources bucket =
        new Resources(BenchPath.QUEUE_S3, null, null, "requests", null, "widgets", null);

    assertThat(Resources.fromProcessArguments(claimCheck.processArguments())).isEqualTo(claimCheck);
    assertThat(Resources.fromProcessArguments(bucket.processArguments())).isEqualTo(bucket);
    assertThat(bucket.processArguments())
        .containsExactly("queue-s3", "-", "-", "requests", "-", "widgets", "-");
  }

  @Test
  void fromProcessArguments_refusesAShortList() {
    assertThatThrownBy(() -> Resources.fromProcessArguments(List.of("queue-s3", "-")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 7");
  }
}
