package dev.widgetrequests.infra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * Compares the IAM roles of a synthesised app with docs/iam.md: every role's statements, read from
 * its inline policies and from the policies attached to it, written the way the doc writes them
 * (construct paths for ARNs), against the doc's table for that role.
 */
final class IamTables {
  private IamTables() {}

  /**
   * What differs between the app and the doc, one line each; empty when they agree.
   *
   * @param widgetStore the store the app was synthesised with ({@code dynamodb} or {@code s3})
   */
  static List<String> differences(
      Synth.Synthesised app, String widgetStore, List<IamDoc.Role> documented) {
    Names names = new Names(app.stack());
    Map<String, Object> resources = resources(app);
    List<String> differences = new ArrayList<>();
    Map<String, IamDoc.Role> doc = new HashMap<>();
    for (IamDoc.Role role : documented) {
      if (role.appliesTo(widgetStore) && doc.put(role.path(), role) != null) {
        differences.add("docs/iam.md has two tables for " + role.path());
      }
    }
    List<String> seen = new ArrayList<>();
    resources.forEach(
        (id, value) -> {
          Map<String, Object> resource = map(value);
          if (!"AWS::IAM::Role".equals(resource.get("Type"))) {
            return;
          }
          String path = names.path(id);
          seen.add(path);
          IamDoc.Role expected = doc.get(path);
          if (expected == null) {
            differences.add("role " + path + " has no table in docs/iam.md");
            return;
          }
          Map<String, Object> properties = map(resource.get("Properties"));
          String assumedBy = assumedBy(properties);
          if (!Objects.equals(assumedBy, expected.assumedBy())) {
            differences.add(
                path
                    + " is assumed by "
                    + assumedBy
                    + ", docs/iam.md says "
                    + expected.assumedBy());
          }
          if (properties.containsKey("ManagedPolicyArns")) {
            differences.add(path + " has managed policies, which docs/iam.md does not list");
          }
          List<IamDoc.Statement> actual = new ArrayList<>();
          for (Object policy : list(properties.get("Policies"))) {
            statements(map(map(policy).get("PolicyDocument")), names, path, actual, differences);
          }
          attachedPolicies(resources, id)
              .forEach(document -> statements(document, names, path, actual, differences));
          List<IamDoc.Statement> missing = new ArrayList<>(expected.statements());
          for (IamDoc.Statement statement : actual) {
            if (!missing.remove(statement)) {
              differences.add(path + " grants, and docs/iam.md does not list: " + statement);
            }
          }
          missing.forEach(
              statement ->
                  differences.add(path + " does not grant, but docs/iam.md lists: " + statement));
        });
    doc.keySet().stream()
        .filter(path -> !seen.contains(path))
        .sorted()
        .forEach(path -> differences.add("docs/iam.md lists " + path + ", which the app lacks"));
    return differences;
  }

  private static Map<String, Object> resources(Synth.Synthesised app) {
    return map(app.template().toJSON().get("Resources"));
  }

  private static String assumedBy(Map<String, Object> role) {
    List<?> statements = list(map(role.get("AssumeRolePolicyDocument")).get("Statement"));
    return statements.size() == 1
        ? String.valueOf(map(map(statements.get(0)).get("Principal")).get("Service"))
        : "several principals " + statements;
  }

  /** The documents of the AWS::IAM::Policy resources attached to the role of this logical id. */
  private static List<Map<String, Object>> attachedPolicies(
      Map<String, Object> resources, String roleId) {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object value : resources.values()) {
      Map<String, Object> resource = map(value);
      if ("AWS::IAM::Policy".equals(resource.get("Type"))
          || "AWS::IAM::ManagedPolicy".equals(resource.get("Type"))) {
        Map<String, Object> properties = map(resource.get("Properties"));
        if (list(properties.get("Roles")).contains(Map.of("Ref", roleId))) {
          documents.add(map(properties.get("PolicyDocument")));
        }
      }
    }
    return documents;
  }

  private static void statements(
      Map<String, Object> document,
      Names names,
      String role,
      List<IamDoc.Statement> into,
      List<String> differences) {
    for (Object value : list(document.get("Statement"))) {
      Map<String, Object> statement = map(value);
      for (String key : statement.keySet()) {
        if (!List.of("Sid", "Effect", "Action", "Resource").contains(key)) {
          differences.add(role + " has a statement with " + key + ": " + statement);
        }
      }
      if (!"Allow".equals(statement.get("Effect"))) {
        differences.add(role + " has a statement that is not an Allow: " + statement);
      }
      TreeSet<String> actions = new TreeSet<>();
      list(statement.get("Action")).forEach(action -> actions.add(action.toString()));
      TreeSet<String> arns = new TreeSet<>();
      list(statement.get("Resource")).forEach(resource -> arns.add(names.resource(resource)));
      into.add(new IamDoc.Statement((String) statement.get("Sid"), actions, arns));
    }
  }

  /** Logical ids of every stack in the app, by the construct path the doc writes. */
  private static final class Names {
    private final Map<String, String> mainPaths = new HashMap<>();
    private final Map<String, Map<String, String>> stackPaths = new HashMap<>();
    private final String mainStack;

    Names(Stack stack) {
      mainStack = stack.getStackName();
      for (IConstruct construct : stack.getNode().getRoot().getNode().getChildren()) {
        if (construct instanceof Stack each) {
          stackPaths.put(each.getStackName(), ConstructPaths.of(each));
        }
      }
      mainPaths.putAll(stackPaths.getOrDefault(mainStack, Map.of()));
    }

    String path(String logicalId) {
      return mainPaths.getOrDefault(logicalId, "<unknown " + logicalId + ">");
    }

    /** A statement's resource as the doc writes it, or the raw value when it has no such form. */
    String resource(Object resource) {
      if (resource instanceof String literal) {
        return literal;
      }
      Map<String, Object> value = map(resource);
      if (value.containsKey("Fn::GetAtt")) {
        List<?> getAtt = list(value.get("Fn::GetAtt"));
        if (getAtt.size() == 2 && "Arn".equals(getAtt.get(1))) {
          return path((String) getAtt.get(0));
        }
      }
      if (value.containsKey("Fn::Join")) {
        List<?> join = list(value.get("Fn::Join"));
        List<?> parts = list(join.get(1));
        if ("".equals(join.get(0)) && parts.size() == 2 && parts.get(1) instanceof String suffix) {
          return resource(parts.get(0)) + suffix;
        }
      }
      if (value.get("Fn::ImportValue") instanceof String export) {
        // <stack>:ExportsOutputFnGetAtt<logical id>Arn<hash>
        int colon = export.indexOf(':');
        String stack = export.substring(0, colon);
        String rest = export.substring(colon + 1);
        for (Map.Entry<String, String> e : stackPaths.getOrDefault(stack, Map.of()).entrySet()) {
          if (rest.startsWith("ExportsOutputFnGetAtt" + e.getKey() + "Arn")) {
            return e.getValue();
          }
        }
      }
      return "<unreadable " + resource + ">";
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : value instanceof List<?> l ? l : List.of(value);
  }
}
