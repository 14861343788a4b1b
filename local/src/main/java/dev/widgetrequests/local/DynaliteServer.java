package dev.widgetrequests.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB: dynalite, in memory, as a {@code node} child process running our {@code server.js}.
 * This JVM holds the child's stdin and never writes to it; when the JVM ends, however it ends, the
 * pipe closes and the child exits, so a killed JVM leaves no {@code node} behind.
 */
final class DynaliteServer implements EmbeddedServer {
  private static final Logger log = LoggerFactory.getLogger(DynaliteServer.class);
  private static final Pattern LISTENING = Pattern.compile("dynalite listening on (\\d+)");
  private static final long START_TIMEOUT_SECONDS = 20;
  private static final long STOP_TIMEOUT_SECONDS = 2;
  private static final int OUTPUT_LINES_KEPT = 5;

  private final Process process;
  private final int port;

  private DynaliteServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts dynalite on {@code port} (0: any free port) and returns once it accepts connections. */
  static DynaliteServer start(int port) {
    Path home = DynaliteInstall.ready();
    Process process;
    try {
      process =
          new ProcessBuilder("node", "server.js", Integer.toString(port))
              .directory(home.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Node.js 20 or newer is needed for the local DynamoDB (dynalite): 'node' could not be"
              + " started ("
              + e.getMessage()
              + ")",
          e);
    }
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread.ofVirtual().name("dynalite-output").start(() -> follow(process, listening));
    try {
      return new DynaliteServer(process, listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      stop(process);
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      stop(process);
      throw new IllegalStateException("dynalite did not start in " + START_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting dynalite", e);
    }
  }

  /** Reads the child's output: its port first, then anything it says, until it exits. */
  private static void follow(Process process, CompletableFuture<Integer> listening) {
    Deque<String> last = new ArrayDeque<>();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        Matcher matcher = LISTENING.matcher(line);
        if (!listening.isDone() && matcher.matches()) {
          listening.complete(Integer.parseInt(matcher.group(1)));
        } else {
          log.debug("dynalite: {}", line);
          last.addLast(line);
          if (last.size() > OUTPUT_LINES_KEPT) {
            last.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      // The stream closes when the process is stopped: nothing more to read.
    }
    listening.completeExceptionally(
        new IllegalStateException(
            "dynalite exited before it listened: " + String.join(" | ", last)));
  }

  long pid() {
    return process.pid();
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop(process);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
