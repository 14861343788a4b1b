package dev.widgetrequests.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where dynalite lives: {@code local/dynalite} of the source tree (its committed {@code
 * package.json}, {@code package-lock.json} and {@code server.js}), with {@code node_modules}
 * installed by {@code scripts/dynalite-install.sh} the first time it is missing, like Maven's
 * wrapper installs Maven. The launcher names the folder with the system property {@value
 * #DIRECTORY_PROPERTY}; builds and tests find it from their working directory.
 */
final class DynaliteInstall {
  static final String DIRECTORY_PROPERTY = "widgets.dynalite.dir";

  private static final Logger log = LoggerFactory.getLogger(DynaliteInstall.class);
  private static final Path RELATIVE = Path.of("local", "dynalite");

  private DynaliteInstall() {}

  /** The dynalite folder, installed; installs it first when needed (once per JVM at most). */
  static synchronized Path ready() {
    Path home = locate();
    if (!installed(home)) {
      install(home);
    }
    return home;
  }

  private static Path locate() {
    String given = System.getProperty(DIRECTORY_PROPERTY);
    if (given != null && !given.isBlank()) {
      return Path.of(given).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(RELATIVE).resolve("server.js"))) {
        return dir.resolve(RELATIVE);
      }
    }
    throw new IllegalStateException(
        "dynalite (the local DynamoDB) not found: no local/dynalite/server.js above "
            + Path.of("").toAbsolutePath()
            + "; run from the source tree or set -D"
            + DIRECTORY_PROPERTY);
  }

  private static boolean installed(Path home) {
    Path marker = home.resolve("node_modules").resolve(".package-lock.json");
    try {
      return Files.isRegularFile(marker)
          && Files.getLastModifiedTime(marker)
                  .compareTo(Files.getLastModifiedTime(home.resolve("package-lock.json")))
              >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static void install(Path home) {
    Path script = home.resolve("../../scripts/dynalite-install.sh").normalize();
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    String last = "";
    int exit;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          log.info("{}", line);
          last = line.isBlank() ? last : line;
        }
      }
      exit = process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing dynalite", e);
    }
    if (exit != 0) {
      throw new IllegalStateException(last.isEmpty() ? script + " failed with " + exit : last);
    }
  }
}
