package dev.widgetrequests.consumer.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Lays out the description and footer of every command's help so that lines break at spaces only.
 * picocli breaks a long line at any break opportunity, which cuts URLs after their dots and colons
 * ({@code http://127.0.0.1:} / {@code 9324/…}) and leaves text nobody can copy. Indented lines
 * starting with {@code widgets} are example commands: they wrap as a shell would read them, with
 * {@code \} at the end of each broken line. A word longer than a line stays whole.
 */
public final class HelpLayout {
  private static final int CONTINUATION_INDENT = 4;
  private static final Pattern WORD = Pattern.compile("(\\s*)(\\S+)");

  private HelpLayout() {}

  /** Installs the layout on {@code cli} and all its subcommands, and returns it. */
  public static CommandLine configure(CommandLine cli) {
    Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
        help -> paragraphs(help, help.commandSpec().usageMessage().description()));
    sections.put(
        CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
        help -> paragraphs(help, help.commandSpec().usageMessage().footer()));
    cli.setHelpSectionMap(sections);
    cli.getSubcommands().values().forEach(HelpLayout::configure);
    return cli;
  }

  private static String paragraphs(Help help, String[] texts) {
    int width = help.commandSpec().usageMessage().width();
    StringBuilder out = new StringBuilder();
    for (String text : texts) {
      // picocli formats each line (%n, %%) before showing it; so does this layout.
      for (String line : String.format(text).split("\\R", -1)) {
        wrap(line, width).forEach(wrapped -> out.append(wrapped).append(System.lineSeparator()));
      }
    }
    return out.toString();
  }

  /** {@code line} as lines of at most {@code width} characters, broken at spaces. */
  static List<String> wrap(String line, int width) {
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String text = line.strip();
    boolean command = !indent.isEmpty() && text.startsWith("widgets ");
    String continuation = command ? indent + " ".repeat(CONTINUATION_INDENT) : indent;
    int room = command ? width - 2 : width; // " \" ends each broken command line
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder(indent);
    boolean empty = true;
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      String space = word.group(1); // as written: keeps the columns of aligned text
      if (!empty && current.length() + space.length() + word.group(2).length() > room) {
        lines.add(command ? current + " \\" : current.toString());
        current = new StringBuilder(continuation);
        empty = true;
      }
      if (!empty) {
        current.append(space);
      }
      current.append(word.group(2));
      empty = false;
    }
    lines.add(current.toString());
    return lines;
  }
}
