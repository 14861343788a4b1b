package dev.widgetrequests.infra;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * The construct path of each CloudFormation resource of a stack, by logical id: the path of the
 * construct that owns it ({@code WidgetRequests/Queues/RequestQueue}, not {@code .../Resource}), as
 * docs/iam.md and the Control Tower exceptions name resources.
 */
final class ConstructPaths {
  private ConstructPaths() {}

  static Map<String, String> of(Stack stack) {
    Map<String, String> paths = new HashMap<>();
    for (IConstruct construct : stack.getNode().findAll()) {
      if (construct instanceof CfnElement element && Stack.of(element) == stack) {
        String id = (String) stack.resolve(stack.getLogicalId(element));
        IConstruct named =
            element.getNode().getId().equals("Resource") ? element.getNode().getScope() : element;
        paths.put(id, named.getNode().getPath());
      }
    }
    return paths;
  }
}
