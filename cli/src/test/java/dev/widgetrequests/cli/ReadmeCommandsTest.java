package dev.widgetrequests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every {@code ./widgets …} command in the README's code blocks is one the launcher takes as
 * written: its options parse, and its command answers {@code --help}. Shell variables and {@code
 * <placeholders>} stand for values.
 */
class ReadmeCommandsTest {
  private static final Path README = Path.of("..", "README.md");

  /** Handled by the launcher script itself, before Java starts. */
  private static final Set<String> LAUNCHER_ONLY = Set.of("test", "build");

  private static final Pattern TOKEN = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");

  static Stream<String> readmeCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inCode = false;
    StringBuilder command = new StringBuilder();
    for (String line : Files.readAllLines(README)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (!inCode) {
        continue;
      }
      command.append(line.strip());
      if (line.endsWith("\\")) {
        command.setLength(command.length() - 1);
        command.append(' ');
        continue;
      }
      String written =
          command.toString().replaceFirst("\\s+#.*$", "").replaceFirst("\\s*\\|.*$", "");
      if (written.startsWith("./widgets")) {
        commands.add(written.strip());
      }
      command.setLength(0);
    }
    return commands.stream();
  }

  @Test
  void theReadme_showsTheCommandsOfTheJourney() throws IOException {
    assertThat(readmeCommands().map(command -> args(command).get(0)))
        .contains("demo", "test", "local", "producer", "consumer", "redrive");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readmeCommands")
  void aReadmeCommand_parsesAsWritten_andItsCommandAnswersHelp(String command) {
    List<String> args = args(command);
    if (LAUNCHER_ONLY.contains(args.get(0))) {
      assertThat(launcherScript()).contains("  " + args.get(0) + ")");
      return;
    }
    assertThatCode(() -> WidgetsCommand.commandLine().parseArgs(args.toArray(String[]::new)))
        .as(command)
        .doesNotThrowAnyException();

    CommandLine cli = WidgetsCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute(args.get(0), "--help")).as(command).isZero();
    assertThat(out.toString()).contains("Usage: widgets " + args.get(0));
  }

  /** The words after {@code ./widgets}, with values in place of variables and placeholders. */
  private static List<String> args(String command) {
    String line =
        command
            .substring("./widgets".length())
            .replaceAll("<[^>]+>", "http://127.0.0.1:9324/000000000000/placeholder")
            .replaceAll("\\$\\{?[A-Z_]+}?", "http://127.0.0.1:9324/000000000000/variable");
    List<String> args = new ArrayList<>();
    Matcher token = TOKEN.matcher(line);
    while (token.find()) {
      args.add(
          token.group(1) != null
              ? token.group(1)
              : token.group(2) != null ? token.group(2) : token.group(3));
    }
    return args;
  }

  private static String launcherScript() {
    try {
      return Files.readString(Path.of("..", "widgets"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
