package dev.widgetrequests.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * Builds the app as {@link WidgetsApp} does, offline: the function code is a small stand-in file
 * (no jar built), the consumer image a tag in the repository (no Docker, no account). Synthesis
 * takes seconds, so the default app is synthesised once for all tests.
 */
final class Synth {
  private static final Path JAR = standInJar();
  private static Synthesised widgets;
  private static Synthesised bucketStore;

  /** A stack and its template. */
  record Synthesised(WidgetsStack stack, Template template) {
    /** The logical id of a construct's CloudFormation resource. */
    String id(IConstruct construct) {
      Stack s = Stack.of(construct);
      IConstruct child = construct.getNode().getDefaultChild();
      return (String) s.resolve(s.getLogicalId((CfnElement) (child == null ? construct : child)));
    }

    /** {@code Fn::GetAtt [id, Arn]}. */
    Map<String, Object> arn(IConstruct construct) {
      return Map.of("Fn::GetAtt", List.of(id(construct), "Arn"));
    }

    /** {@code Ref id}. */
    Map<String, Object> ref(IConstruct construct) {
      return Map.of("Ref", id(construct));
    }

    /** {@code Fn::Join ["", [GetAtt Arn, suffix]]}: an ARN under a resource's ARN. */
    Map<String, Object> arnWith(IConstruct construct, String suffix) {
      return Map.of("Fn::Join", List.of("", List.of(arn(construct), suffix)));
    }

    /** The one resource of this logical id. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resource(String logicalId) {
      Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
      return (Map<String, Object>) resources.get(logicalId);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties(IConstruct construct) {
      return (Map<String, Object>) resource(id(construct)).get("Properties");
    }
  }

  private Synth() {}

  static App app() {
    return new App(AppProps.builder().context(WidgetsApp.FLAGS).build());
  }

  static InfraSettings defaults() {
    return InfraSettings.defaults(JAR.toString());
  }

  static Synthesised synthesise(InfraSettings settings) {
    return synthesise(settings, stack -> {});
  }

  /** The app with a change made to the main stack before synthesis. */
  static Synthesised synthesise(InfraSettings settings, Consumer<WidgetsStack> change) {
    WidgetsStack stack = WidgetsApp.build(app(), settings, WidgetsApp.functionCode(JAR), null);
    change.accept(stack);
    return new Synthesised(stack, Template.fromStack(stack));
  }

  /** The main stack with the default settings, synthesised once. */
  static synchronized Synthesised widgets() {
    if (widgets == null) {
      widgets = synthesise(defaults());
    }
    return widgets;
  }

  /** The main stack with the widget bucket as the store ({@code -c widgetStore=s3}), once. */
  static synchronized Synthesised bucketStore() {
    if (bucketStore == null) {
      InfraSettings d = defaults();
      bucketStore =
          synthesise(
              new InfraSettings(
                  d.lambdaJar(),
                  d.imageTag(),
                  InfraSettings.WidgetStoreKind.S3,
                  d.partitionKey(),
                  d.maxReceiveCount(),
                  d.visibilityTimeoutSeconds(),
                  d.minTasks(),
                  d.maxTasks(),
                  d.backlogPerTask(),
                  d.oldestMessageAlarmSeconds(),
                  d.apiRateLimit(),
                  d.apiBurstLimit(),
                  d.alarmEmail()));
    }
    return bucketStore;
  }

  private static Path standInJar() {
    try {
      Path dir = Files.createTempDirectory("widgets-infra-test");
      Path jar = dir.resolve("widgets-lambda.jar");
      Files.writeString(jar, "stand-in for the function jar", StandardCharsets.UTF_8);
      jar.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
