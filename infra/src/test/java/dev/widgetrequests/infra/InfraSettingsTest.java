package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.widgetrequests.infra.InfraSettings.WidgetStoreKind;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class InfraSettingsTest {
  @Test
  void noContext_givesTheDefaults() {
    InfraSettings settings = InfraSettings.fromContext(new App().getNode());
    assertThat(settings).isEqualTo(InfraSettings.defaults(InfraSettings.DEFAULT_LAMBDA_JAR));
    assertThat(settings.visibilityTimeoutSeconds()).isEqualTo(60);
    assertThat(settings.minTasks()).isEqualTo(1);
  }

  @Test
  void contextValues_asTextFromTheCommandLine_orNumbersFromCdkJson() {
    App app =
        new App(
            AppProps.builder()
                .context(
                    Map.of(
                        "imageTag", "2.0.1",
                        "widgetStore", "s3",
                        "maxReceiveCount", "3",
                        "maxTasks", 10,
                        "alarmEmail", "ops@example.com"))
                .build());
    InfraSettings settings = InfraSettings.fromContext(app.getNode());
    assertThat(settings.imageTag()).isEqualTo("2.0.1");
    assertThat(settings.widgetStore()).isEqualTo(WidgetStoreKind.S3);
    assertThat(settings.maxReceiveCount()).isEqualTo(3);
    assertThat(settings.maxTasks()).isEqualTo(10);
    assertThat(settings.alarmEmail()).isEqualTo("ops@example.com");
  }

  @Test
  void aMissingFunctionJar_isRefusedWithTheBuildCommand(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    assertThatThrownBy(() -> WidgetsApp.functionCode(dir.resolve("widgets-lambda.jar")))
        .hasMessageContaining("no function jar at")
        .hasMessageContaining("-pl lambda -am package")
        .hasMessageContaining("-c lambdaJar=");
  }

  @Test
  void badValues_areRefusedWithTheKey() {
    assertThatThrownBy(
            () ->
                InfraSettings.fromContext(
                    new App(AppProps.builder().context(Map.of("minTasks", "0")).build()).getNode()))
        .hasMessageContaining("minTasks");
    assertThatThrownBy(
            () ->
                InfraSettings.fromContext(
                    new App(AppProps.builder().context(Map.of("maxTasks", "many")).build())
                        .getNode()))
        .hasMessageContaining("maxTasks");
  }
}
