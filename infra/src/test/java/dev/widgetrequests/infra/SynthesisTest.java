package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class SynthesisTest {
  @Test
  void synthesis_isDeterministic() {
    Map<String, Object> first = Synth.widgets().template().toJSON();
    Map<String, Object> second = Synth.synthesise(Synth.defaults()).template().toJSON();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void synthesis_leavesNoWarningOrError() {
    WidgetsStack stack = Synth.widgets().stack();
    software.amazon.awscdk.assertions.Annotations annotations =
        software.amazon.awscdk.assertions.Annotations.fromStack(stack);
    annotations.hasNoWarning("*", software.amazon.awscdk.assertions.Match.anyValue());
    annotations.hasNoError("*", software.amazon.awscdk.assertions.Match.anyValue());
  }

  @Test
  void repositoryStack_keepsImmutableScannedImages() {
    WidgetsStack stack = Synth.widgets().stack();
    ImageRepositoryStack images =
        (ImageRepositoryStack)
            stack.getNode().getScope().getNode().findChild(WidgetsApp.REPOSITORY_STACK);
    Template template = Template.fromStack(images);
    template.resourceCountIs("AWS::ECR::Repository", 1);
    template.hasResource(
        "AWS::ECR::Repository",
        Map.of(
            "DeletionPolicy",
            "Retain",
            "Properties",
            software.amazon.awscdk.assertions.Match.objectLike(
                Map.of(
                    "RepositoryName",
                    "widgets-consumer",
                    "ImageTagMutability",
                    "IMMUTABLE",
                    "ImageScanningConfiguration",
                    Map.of("ScanOnPush", true),
                    "LifecyclePolicy",
                    software.amazon.awscdk.assertions.Match.objectLike(Map.of())))));
  }

  @Test
  void mainStack_outputsWhatTheProducerAndOperatorsNeed() {
    Template template = Synth.widgets().template();
    for (String output :
        new String[] {
          "ApiUrl", "RequestQueueUrl", "DeadLetterQueueUrl", "RequestBucket", "WidgetBucket",
          "PayloadBucket", "WidgetTable", "ClusterName", "ServiceName", "AlarmTopic"
        }) {
      template.hasOutput(output, Map.of());
    }
  }
}
