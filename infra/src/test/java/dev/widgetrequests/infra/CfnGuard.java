package dev.widgetrequests.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.widgetrequests.local.npm.NpmInstall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cfn-guard 3.1.1 and AWS's Control Tower rules, as the npm package
 * {@code @cdklabs/cdk-validator-cfnguard} ships them, installed into {@code infra/cfnguard} by
 * {@code scripts/cfnguard-install.sh} the first time they are missing (a fresh clone, CI; {@link
 * NpmInstall}).
 */
final class CfnGuard {
  private static final Pattern CONTROL = Pattern.compile("\\[(CT\\.[A-Z0-9]+\\.PR\\.[0-9]+)\\]");
  private static final String PACKAGE = "node_modules/@cdklabs/cdk-validator-cfnguard";

  /** A rule a resource fails: the control's id (e.g. {@code CT.S3.PR.11}) and its rule. */
  record Finding(String control, String rule, String logicalId) {}

  private CfnGuard() {}

  /** The folder of the Control Tower rules, one sub-folder per service. */
  static Path controlTowerRules() {
    return ready().resolve(PACKAGE).resolve("rules/control-tower/cfn-guard");
  }

  /** Every rule each resource of the template fails, one finding per rule and resource. */
  static List<Finding> validate(Path template, Path rules) {
    Path guard = binary();
    try {
      Path output = Files.createTempFile("cfn-guard", ".json");
      Process process =
          new ProcessBuilder(
                  guard.toString(),
                  "validate",
                  "--rules",
                  rules.toString(),
                  "--data",
                  template.toString(),
                  "--output-format",
                  "json",
                  "--show-summary",
                  "none",
                  "--structured")
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("cfn-guard took over 2 minutes on " + template);
      }
      // 0: all rules pass; 19: some rule fails; anything else: cfn-guard itself failed.
      int exit = process.exitValue();
      String json = Files.readString(output, StandardCharsets.UTF_8);
      Files.delete(output);
      if (exit != 0 && exit != 19) {
        throw new IllegalStateException("cfn-guard exited with " + exit + ": " + json);
      }
      return findings(new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while cfn-guard ran", e);
    }
  }

  private static List<Finding> findings(JsonNode results) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode file : results) {
      for (JsonNode failed : file.path("not_compliant")) {
        JsonNode rule = failed.path("Rule");
        Set<String> controls = new TreeSet<>();
        Set<String> resources = new TreeSet<>();
        collect(rule, controls, resources);
        String name = rule.path("name").asText();
        String control = controls.isEmpty() ? name : String.join("+", controls);
        resources.forEach(id -> findings.add(new Finding(control, name, id)));
      }
    }
    return findings;
  }

  /** The control ids in a failed rule's messages and the resources its failed checks point at. */
  private static void collect(JsonNode node, Set<String> controls, Set<String> resources) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              field -> {
                JsonNode value = field.getValue();
                if (field.getKey().equals("custom_message") && value.isTextual()) {
                  Matcher m = CONTROL.matcher(value.asText());
                  if (m.find()) {
                    controls.add(m.group(1));
                  }
                } else if (field.getKey().equals("path")
                    && value.isTextual()
                    && value.asText().startsWith("/Resources/")) {
                  resources.add(value.asText().split("/")[2]);
                }
                collect(value, controls, resources);
              });
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, controls, resources));
    }
  }

  private static Path binary() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String platform = os.contains("mac") ? "macos" : "ubuntu";
    String architecture = arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x86_64";
    Path guard = ready().resolve(PACKAGE).resolve("bin").resolve(platform).resolve(architecture);
    return guard.resolve("cfn-guard");
  }

  /** infra/cfnguard, installed; installs it first when needed (once per JVM at most). */
  static Path ready() {
    Path home = home();
    return NpmInstall.ready(
        home,
        home.resolve("../../scripts/cfnguard-install.sh").normalize(),
        "cfn-guard",
        System.err::println);
  }

  private static Path home() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve("cfnguard"), dir.resolve("infra/cfnguard"))) {
        if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException(
        "no infra/cfnguard/package-lock.json above " + Path.of("").toAbsolutePath());
  }
}
