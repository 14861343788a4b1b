package dev.widgetrequests.local;

import dev.widgetrequests.local.npm.NpmInstall;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where dynalite lives: {@code local/dynalite} of the source tree (its committed {@code
 * package.json}, {@code package-lock.json} and {@code server.js}), with {@code node_modules}
 * installed by {@code scripts/dynalite-install.sh} the first time it is missing ({@link
 * NpmInstall}). The launcher names the folder with the system property {@value
 * #DIRECTORY_PROPERTY}; builds and tests find it from their working directory.
 */
final class DynaliteInstall {
  static final String DIRECTORY_PROPERTY = "widgets.dynalite.dir";

  private static final Logger log = LoggerFactory.getLogger(DynaliteInstall.class);
  private static final Path RELATIVE = Path.of("local", "dynalite");

  private DynaliteInstall() {}

  /** The dynalite folder, installed; installs it first when needed (once per JVM at most). */
  static Path ready() {
    Path home = locate();
    return NpmInstall.ready(
        home, home.resolve("../../scripts/dynalite-install.sh").normalize(), "dynalite", log::info);
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
}
