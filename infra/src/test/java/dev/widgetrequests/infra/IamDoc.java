package dev.widgetrequests.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of docs/iam.md's "Deployed roles", read: per role (and widget store, where the role
 * differs by store) the service that assumes it and its statements.
 */
final class IamDoc {
  static final String SECTION = "## Deployed roles";

  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** One table row: the {@code Sid} (null for "—"), its actions and resources. */
  record Statement(String sid, Set<String> actions, Set<String> resources) {
    @Override
    public String toString() {
      return (sid == null ? "—" : sid) + " " + actions + " on " + resources;
    }
  }

  /** One role's section. {@code store} is null when the role is the same with either store. */
  record Role(String path, String store, String assumedBy, List<Statement> statements) {
    boolean appliesTo(String widgetStore) {
      return store == null || store.equals(widgetStore);
    }
  }

  private IamDoc() {}

  /** docs/iam.md of the source tree, found from the working directory upwards. */
  static Path file() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path doc = dir.resolve("docs").resolve("iam.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new IllegalStateException("no docs/iam.md above " + Path.of("").toAbsolutePath());
  }

  static String text() {
    try {
      return Files.readString(file(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The roles of the "Deployed roles" section, in the order written. */
  static List<Role> parse(String markdown) {
    List<Role> roles = new ArrayList<>();
    boolean inSection = false;
    String path = null;
    String store = null;
    String assumedBy = null;
    List<Statement> statements = null;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        inSection = line.strip().equals(SECTION);
      }
      if (!inSection) {
        continue;
      }
      if (line.startsWith("### ")) {
        if (path != null) {
          roles.add(new Role(path, store, assumedBy, List.copyOf(statements)));
        }
        List<String> code = code(line);
        if (code.isEmpty()) {
          throw new IllegalArgumentException("role heading without a `construct path`: " + line);
        }
        path = code.get(0);
        store = code.size() > 1 ? code.get(1) : null;
        assumedBy = null;
        statements = new ArrayList<>();
      } else if (path != null && line.startsWith("Assumed by ")) {
        assumedBy = code(line).get(0);
      } else if (path != null && line.startsWith("|")) {
        String[] cells = line.split("\\|", -1);
        String first = cells[1].strip();
        if (first.equals("statement") || first.startsWith("---")) {
          continue;
        }
        if (cells.length != 6 || cells[4].isBlank()) {
          throw new IllegalArgumentException(
              "a statement row needs statement | actions | resources | why: " + line);
        }
        String sid = first.equals("—") ? null : code(first).get(0);
        statements.add(
            new Statement(sid, new TreeSet<>(code(cells[2])), new TreeSet<>(code(cells[3]))));
      }
    }
    if (path != null) {
      roles.add(new Role(path, store, assumedBy, List.copyOf(statements)));
    }
    return roles;
  }

  private static List<String> code(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
