package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.widgetrequests.model.config.ConfigurationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkClientException;

class CliErrorsTest {
  /** What the SDK's default credential chain throws when it finds nothing (abridged). */
  private static final String NO_CREDENTIALS =
      "Unable to load credentials from any of the providers in the chain"
          + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
          + " EnvironmentVariableCredentialsProvider(), ProfileCredentialsProvider(profileName=default)])"
          + " : [SystemPropertyCredentialsProvider(): Unable to load credentials from system settings."
          + " Access key must be specified either via environment variable (AWS_ACCESS_KEY_ID) or"
          + " system property (aws.accessKeyId)., EnvironmentVariableCredentialsProvider(): ...]";

  private final StringWriter err = new StringWriter();

  @Command(name = "consumer")
  static final class Failing implements Callable<Integer> {
    private final RuntimeException failure;

    Failing(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  private int run(RuntimeException failure) {
    CommandLine cli = CliErrors.configure(new CommandLine(new Failing(failure)));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute();
  }

  @Test
  void missingCredentials_isAConfigurationError_onOneLineNamingTheExports() {
    int exitCode = run(SdkClientException.create(NO_CREDENTIALS));

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("consumer: no AWS credentials found")
        .contains("paste the exports `widgets local` printed")
        .doesNotContain("\n")
        .doesNotContain("AwsCredentialsProviderChain");
  }

  @Test
  void missingCredentials_foundWhileCheckingAResource_isTheSameOneLine() {
    SdkClientException cause = SdkClientException.create(NO_CREDENTIALS);
    int exitCode =
        run(
            new ConfigurationException(
                "cannot reach SQS to check request queue 'q': " + NO_CREDENTIALS, cause));

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("consumer: no AWS credentials found")
        .doesNotContain("\n");
  }

  @Test
  void anEndpointThatDoesNotAnswer_isStillAFailure_withItsOwnLine() {
    int exitCode =
        run(SdkClientException.create("Unable to execute HTTP request: Connection refused"));

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach AWS").doesNotContain("credentials found");
  }
}
