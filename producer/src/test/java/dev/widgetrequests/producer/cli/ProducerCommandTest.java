package dev.widgetrequests.producer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerCommandTest {
  private final Launcher launcher = new Launcher(Map.of());

  @Test
  void withoutBucketOrQueue_isAUsageError() {
    assertThat(launcher.run("-mwr", "5")).isEqualTo(2);
    assertThat(launcher.err.toString())
        .contains("widgets producer: Missing -rb/--request-bucket or -rq/--request-queue");
  }

  @Test
  void negativeDelay_isAUsageError() {
    assertThat(launcher.run("-rb", "requests", "-ird", "-1")).isEqualTo(2);
    assertThat(launcher.err.toString()).contains("must not be negative");
  }

  @Test
  void queueNameInsteadOfUrl_isAConfigurationError_onOneLine() {
    int exitCode = launcher.run("-rq", "requests", "--endpoint-url", "http://127.0.0.1:9");

    assertThat(exitCode).isEqualTo(2);
    assertThat(launcher.err.toString().strip())
        .startsWith("widgets producer: request queue 'requests' is not a queue URL")
        .doesNotContain("\n");
  }

  @Test
  void help_documentsEveryOptionWithItsDefault() {
    assertThat(launcher.run("--help")).isZero();

    assertThat(launcher.out.toString())
        .contains("-rb, --request-bucket=BUCKET")
        .contains("-rq, --request-queue=URL")
        .contains("-mwr, --max-widget-requests=N")
        .contains("(default: 1000)")
        .contains("-ird, --inter-request-delay=MS")
        .contains("(default: 100)")
        .contains("-mrt, --max-runtime=MS")
        .contains("(default: 30000)")
        .contains("-r, --region=<region>")
        .contains("(default: $AWS_REGION, else us-east-1)")
        .contains("-p, --profile=<profile>")
        .contains("--endpoint-url=URL")
        .contains("--seed=<seed>");
  }
}
