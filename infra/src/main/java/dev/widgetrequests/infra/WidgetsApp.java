package dev.widgetrequests.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The CDK app ({@code cdk.json} runs it): two stacks, {@value #REPOSITORY_STACK} (the consumer's
 * image repository, deployed first) and {@value #MAIN_STACK} (everything else), with cdk-nag's
 * AwsSolutions checks over both.
 */
public final class WidgetsApp {
  public static final String REPOSITORY_STACK = "WidgetsConsumerRepository";
  public static final String MAIN_STACK = "WidgetRequests";

  /**
   * Feature flags the app always sets: access logs delivered under a bucket policy (not ACLs, which
   * owner-enforced buckets refuse); strong cross-stack references, so CloudFormation keeps the
   * image repository while the service's task definition refers to it.
   */
  static final Map<String, Object> FLAGS =
      Map.of(
          "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy",
          true,
          "@aws-cdk/core:defaultCrossStackReferences",
          "strong");

  private WidgetsApp() {}

  public static void main(String[] args) {
    App app = new App(AppProps.builder().context(FLAGS).build());
    InfraSettings settings = InfraSettings.fromContext(app.getNode());
    // Environment-agnostic stacks: they deploy to the CLI's account and region, and synthesis
    // needs no look-ups (the subnets take the region's first two availability zones).
    build(app, settings, functionCode(Path.of(settings.lambdaJar())), null);
    app.synth();
  }

  /** The function jar as a code asset, or a one-line fix when it has not been built. */
  static Code functionCode(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "no function jar at "
              + jar.toAbsolutePath()
              + ": build it with ./mvnw -B -pl lambda -am package -DskipTests, or pass"
              + " -c lambdaJar=PATH");
    }
    return Code.fromAsset(jar.toString());
  }

  /** Both stacks in the app, with the checks applied; the tests call this too. */
  public static WidgetsStack build(App app, InfraSettings settings, Code code, Environment env) {
    StackProps props = StackProps.builder().env(env).build();
    ImageRepositoryStack images = new ImageRepositoryStack(app, REPOSITORY_STACK, props);
    WidgetsStack stack =
        new WidgetsStack(app, MAIN_STACK, props, settings, code, images.repository());
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    return stack;
  }
}
