package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.config.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerSettingsTest {

  @Test
  void fromEnvironment_readsTheQueueUrl() {
    String url = "https://sqs.us-east-1.amazonaws.com/123456789012/widget-requests";

    HandlerSettings settings = HandlerSettings.fromEnvironment(Map.of("REQUEST_QUEUE_URL", url));

    assertThat(settings.queueUrl()).isEqualTo(url);
  }

  @Test
  void fromEnvironment_withoutQueueUrl_failsNamingTheVariableAndTheFix() {
    for (Map<String, String> environment :
        List.of(Map.of("AWS_REGION", "us-east-1"), Map.of("REQUEST_QUEUE_URL", " "))) {
      assertThatThrownBy(() -> HandlerSettings.fromEnvironment(environment))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageStartingWith("REQUEST_QUEUE_URL is not set")
          .hasMessageContaining("request queue's URL");
    }
  }
}
