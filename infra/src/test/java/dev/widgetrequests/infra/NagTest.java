package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * cdk-nag's AwsSolutions checks run as a validation plugin at synthesis: any finding that is not
 * acknowledged (with a reason) fails synthesis, and so every test that synthesises the app.
 */
class NagTest {
  @Test
  void app_hasNoUnacknowledgedFinding() {
    WidgetsStack stack = Synth.widgets().stack();
    App app = (App) stack.getNode().getScope();
    PolicyValidationPluginReport report = new AwsSolutionsChecks(app).validateScope(app);
    assertThat(report.getViolations()).extracting(PolicyViolation::getRuleName).isEmpty();
    assertThat(report.getSuccess()).isTrue();
  }

  @Test
  void aBucketWithoutTlsOrAccessLogs_isReported_andFailsSynthesis() {
    App app = Synth.app();
    Stack scratch = new Stack(app, "Scratch");
    new Bucket(scratch, "Careless");
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

    PolicyValidationPluginReport report = new AwsSolutionsChecks(app).validateScope(app);
    List<String> rules = report.getViolations().stream().map(PolicyViolation::getRuleName).toList();
    assertThat(report.getSuccess()).isFalse();
    assertThat(rules).contains("AwsSolutions-S1", "AwsSolutions-S10");
    assertThatThrownBy(() -> Template.fromStack(scratch)).hasMessageContaining("Validation failed");
  }

  @Test
  void anAcknowledgedFinding_isNoLongerReported() {
    App app = Synth.app();
    Stack scratch = new Stack(app, "Scratch");
    Bucket bucket = Bucket.Builder.create(scratch, "Acknowledged").enforceSsl(true).build();
    Nag.acknowledge(bucket, "AwsSolutions-S1", "a scratch bucket in a test");

    List<String> rules =
        new AwsSolutionsChecks(app)
            .validateScope(app).getViolations().stream().map(PolicyViolation::getRuleName).toList();
    assertThat(rules).doesNotContain("AwsSolutions-S1", "AwsSolutions-S10");
  }
}
