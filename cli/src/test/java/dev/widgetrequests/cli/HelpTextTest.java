package dev.widgetrequests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Help text is read in 80-column terminals, and copied from: no URL may be cut in two. */
class HelpTextTest {
  private static final Pattern URL = Pattern.compile("https?://[^\\s,;)'\"]+");

  static Stream<String> commands() {
    return Stream.concat(
        Stream.of(""),
        WidgetsCommand.commandLine().getSubcommands().keySet().stream()
            .filter(name -> !name.equals("help")));
  }

  @ParameterizedTest(name = "widgets {0} --help")
  @MethodSource("commands")
  void help_keepsEveryUrlOnOneLine(String command) {
    CommandLine cli = WidgetsCommand.commandLine();
    CommandLine target = command.isEmpty() ? cli : cli.getSubcommands().get(command);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};

    assertThat(cli.execute(args)).isZero();

    for (String url : urlsIn(target.getCommandSpec())) {
      assertThat(out.toString()).as("widgets %s --help", command).contains(url);
    }
  }

  private static List<String> urlsIn(CommandSpec spec) {
    List<String> texts = new ArrayList<>();
    texts.addAll(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    texts.addAll(Arrays.asList(spec.usageMessage().header()));
    spec.options()
        .forEach(
            option -> {
              texts.addAll(Arrays.asList(option.description()));
              if (option.defaultValue() != null) {
                texts.add(option.defaultValue());
              }
            });
    List<String> urls = new ArrayList<>();
    for (String text : texts) {
      Matcher url = URL.matcher(text);
      while (url.find()) {
        urls.add(url.group().replaceAll("[.:]+$", ""));
      }
    }
    return urls;
  }
}
