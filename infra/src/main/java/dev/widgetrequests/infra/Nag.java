package dev.widgetrequests.infra;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/** Acknowledges cdk-nag findings on a construct, always with the reason each does not apply. */
final class Nag {
  private Nag() {}

  static void acknowledge(IConstruct construct, String finding, String reason) {
    Validations.of(construct)
        .acknowledge(Acknowledgment.builder().id(finding).reason(reason).build());
  }

  /**
   * Acknowledges the wildcard finding on a resource ARN made of a resource's {@code Arn} attribute
   * and a suffix ({@code /*}, {@code /widgets/*}), as cdk-nag names it: {@code
   * AwsSolutions-IAM5[Resource::<LogicalId.Arn>/*]}.
   */
  static void acknowledgeWildcard(
      IConstruct policyHolder, IConstruct resource, String suffix, String reason) {
    Stack stack = Stack.of(resource);
    CfnElement element = (CfnElement) resource.getNode().getDefaultChild();
    Object logicalId = stack.resolve(stack.getLogicalId(element));
    acknowledge(
        policyHolder, "AwsSolutions-IAM5[Resource::<" + logicalId + ".Arn>" + suffix + "]", reason);
  }
}
