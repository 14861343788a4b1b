package dev.widgetrequests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * AWS's Control Tower rules, run by cfn-guard over the synthesised {@code WidgetRequests} template
 * (as {@code cdk deploy} would deploy it): every finding is one {@link ControlTowerExceptions}
 * accepts, with its reason, and every accepted one is still found.
 */
class ControlTowerTest {
  @Test
  void theMainStack_failsNoControlTowerRule_butThoseAcceptedWithAReason() {
    Synth.Synthesised widgets = Synth.widgets();
    Map<String, String> paths = ConstructPaths.of(widgets.stack());
    List<CfnGuard.Finding> findings =
        CfnGuard.validate(template(widgets.stack()), CfnGuard.controlTowerRules());

    Set<String> found = new HashSet<>();
    List<String> unexplained = new ArrayList<>();
    for (CfnGuard.Finding finding : findings) {
      String path = paths.getOrDefault(finding.logicalId(), finding.logicalId());
      found.add(finding.control() + " " + path);
      if (!accepted(finding.control(), path)) {
        unexplained.add(finding.control() + " (" + finding.rule() + ") " + path);
      }
    }
    List<String> stale = new ArrayList<>();
    for (ControlTowerExceptions.Accepted accepted : ControlTowerExceptions.ALL) {
      for (String resource : accepted.resources()) {
        if (!found.contains(accepted.control() + " " + resource)) {
          stale.add(accepted.control() + " " + resource);
        }
      }
    }
    assertThat(unexplained).as("findings no exception accepts").isEmpty();
    assertThat(stale).as("exceptions that match no finding").isEmpty();
  }

  @Test
  void everyException_namesItsControl_andAReason() {
    assertThat(ControlTowerExceptions.ALL)
        .allSatisfy(
            accepted -> {
              assertThat(accepted.control()).matches("CT\\.[A-Z0-9]+\\.PR\\.[0-9]+");
              assertThat(accepted.resources()).isNotEmpty();
              assertThat(accepted.reason()).hasSizeGreaterThan(30);
            })
        .extracting(ControlTowerExceptions.Accepted::control)
        .doesNotHaveDuplicates();
  }

  @Test
  void everyException_isToldInTheDeployDoc() throws Exception {
    Path doc = IamDoc.file().resolveSibling("deploy.md");
    String text = java.nio.file.Files.readString(doc);
    assertThat(ControlTowerExceptions.ALL)
        .allSatisfy(accepted -> assertThat(text).contains("`" + accepted.control() + "`"));
  }

  @Test
  void aCarelessBucket_failsTheS3Rules() {
    App app = Synth.app();
    Stack scratch = new Stack(app, "Scratch");
    new Bucket(scratch, "Careless");
    List<CfnGuard.Finding> findings =
        CfnGuard.validate(template(scratch), CfnGuard.controlTowerRules().resolve("s3"));
    assertThat(findings)
        .extracting(CfnGuard.Finding::control)
        .contains("CT.S3.PR.2", "CT.S3.PR.10", "CT.S3.PR.11");
  }

  private static boolean accepted(String control, String path) {
    return ControlTowerExceptions.ALL.stream()
        .anyMatch(a -> a.control().equals(control) && a.resources().contains(path));
  }

  /** The stack's template file, as the CLI would deploy it. */
  private static Path template(Stack stack) {
    App app = (App) stack.getNode().getRoot();
    return Path.of(app.synth().getStackByName(stack.getStackName()).getTemplateFullPath());
  }
}
