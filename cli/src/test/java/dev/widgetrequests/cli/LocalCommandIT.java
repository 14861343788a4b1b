package dev.widgetrequests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalCommandIT {

  @Test
  void local_onTakenPort_failsWithOneLineNamingThePortAndOption() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CommandLine cli = WidgetsCommand.commandLine();
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));

      int exitCode =
          cli.execute(
              "local",
              "--s3-port",
              "0",
              "--sqs-port",
              Integer.toString(port),
              "--dynamodb-port",
              "0");

      assertThat(exitCode).isEqualTo(2);
      assertThat(err.toString().strip())
          .doesNotContain("\n")
          .startsWith("widgets local: port " + port + " for SQS is already in use")
          .contains("--sqs-port");
    }
  }
}
