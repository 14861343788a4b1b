package dev.widgetrequests.local.npm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A folder whose Node.js packages {@code npm ci} installs into its {@code node_modules} from its
 * committed {@code package-lock.json}, run by the folder's install script (which calls {@code
 * scripts/npm-install.sh}: the Node.js and npm checks, one install at a time) the first time they
 * are missing or older than the lock file, like Maven's wrapper installs Maven.
 */
public final class NpmInstall {
  /** Written by {@code npm ci} once it has installed everything. */
  private static final Path MARKER = Path.of("node_modules", ".package-lock.json");

  private NpmInstall() {}

  /**
   * The folder, installed: when it is not, runs {@code script} first (at most one install at a time
   * in this JVM), passing each line it prints to {@code output}.
   *
   * @param what names the packages in a failure's message, e.g. {@code "dynalite"}
   * @throws IllegalStateException when the script fails: its last line says why
   */
  public static synchronized Path ready(
      Path folder, Path script, String what, Consumer<String> output) {
    if (!installed(folder)) {
      install(script, what, output);
    }
    return folder;
  }

  /** Whether {@code npm ci} has installed the folder since its lock file last changed. */
  public static boolean installed(Path folder) {
    Path marker = folder.resolve(MARKER);
    try {
      return Files.isRegularFile(marker)
          && Files.getLastModifiedTime(marker)
                  .compareTo(Files.getLastModifiedTime(folder.resolve("package-lock.json")))
              >= 0;
    } catch (IOException unreadable) {
      return false;
    }
  }

  private static void install(Path script, String what, Consumer<String> output) {
    String last = "";
    int exit;
    try {
      Process process =
          new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.accept(line);
          last = line.isBlank() ? last : line;
        }
      }
      exit = process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while installing " + what, e);
    }
    if (exit != 0) {
      throw new IllegalStateException(last.isEmpty() ? script + " failed with " + exit : last);
    }
  }
}
