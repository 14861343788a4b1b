package dev.widgetrequests.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.model.config.ConfigurationException;
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

  private static final String URL = "https://sqs.us-east-1.amazonaws.com/123456789012/requests";

  @Test
  void fromEnvironment_defaults_are256KiBAndOwnerGroups() {
    HandlerSettings settings = HandlerSettings.fromEnvironment(Map.of("REQUEST_QUEUE_URL", URL));

    assertThat(settings.messageSize().bytes()).isEqualTo(256 * 1024);
    assertThat(settings.ownerGroups()).isTrue();
  }

  @Test
  void fromEnvironment_readsTheMessageSize_andOwnerGroupsOff() {
    HandlerSettings settings =
        HandlerSettings.fromEnvironment(
            Map.of(
                "REQUEST_QUEUE_URL", URL,
                "WIDGETS_MAX_MESSAGE_BYTES", "1MiB",
                "REQUEST_QUEUE_OWNER_GROUPS", "FALSE"));

    assertThat(settings.messageSize().bytes()).isEqualTo(1024 * 1024);
    assertThat(settings.ownerGroups()).isFalse();
  }

  @Test
  void fromEnvironment_withABadSetting_failsNamingTheVariableAndTheFix() {
    for (String size : List.of("2MiB", "1048577", "512", "big", "-1")) {
      assertThatThrownBy(
              () ->
                  HandlerSettings.fromEnvironment(
                      Map.of("REQUEST_QUEUE_URL", URL, "WIDGETS_MAX_MESSAGE_BYTES", size)))
          .as(size)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("WIDGETS_MAX_MESSAGE_BYTES")
          .hasMessageContaining("1MiB");
    }
    assertThatThrownBy(
            () ->
                HandlerSettings.fromEnvironment(
                    Map.of("REQUEST_QUEUE_URL", URL, "REQUEST_QUEUE_OWNER_GROUPS", "no")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("true")
        .hasMessageContaining("false");
  }
}
