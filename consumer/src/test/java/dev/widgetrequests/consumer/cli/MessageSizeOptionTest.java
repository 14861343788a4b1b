package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --max-message-bytes} and {@code WIDGETS_MAX_MESSAGE_BYTES}: the largest request read. */
class MessageSizeOptionTest {

  private static ConsumerConfig config(Map<String, String> env, String... args) {
    ConsumerCommand command = new ConsumerCommand();
    new CommandLine(command).parseArgs(args);
    return ConsumerOptions.toConfig(command, env);
  }

  @Test
  void defaultsTo256KiB_theEnvironmentRaisesIt_andTheOptionWins() {
    assertThat(config(Map.of(), "-rq", "http://q", "-dwt", "w").messageSize().bytes())
        .isEqualTo(256 * 1024);
    Map<String, String> env = Map.of("WIDGETS_MAX_MESSAGE_BYTES", "1MiB");
    assertThat(config(env, "-rq", "http://q", "-dwt", "w").messageSize().bytes())
        .isEqualTo(1024 * 1024);
    assertThat(
            config(env, "-rq", "http://q", "-dwt", "w", "--max-message-bytes", "512KiB")
                .messageSize()
                .bytes())
        .isEqualTo(512 * 1024);
  }

  @Test
  void aSizeSqsCannotTake_exitsWith2_andAOneLineMessage() {
    StringWriter err = new StringWriter();
    CommandLine cli = CliErrors.configure(new CommandLine(new ConsumerCommand()));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));

    int exitCode = cli.execute("-rq", "http://q", "-dwt", "w", "--max-message-bytes", "2MiB");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString()).contains("--max-message-bytes '2MiB' is out of range");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }
}
