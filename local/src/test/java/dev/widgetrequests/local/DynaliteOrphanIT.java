package dev.widgetrequests.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL leaves no dynalite {@code node} process behind. */
class DynaliteOrphanIT {
  private static final Duration GRACE = Duration.ofSeconds(10);

  @Test
  void killedJvm_leavesNoNodeProcess() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process jvm =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StackHolder.class.getName())
            .redirectErrorStream(true)
            .start();
    try {
      List<Long> children = children(jvm);
      assertThat(children).isNotEmpty();
      assertThat(children).allSatisfy(pid -> assertThat(running(pid)).isTrue());
      assertThat(ProcessHandle.of(children.getFirst()).flatMap(p -> p.info().command()))
          .hasValueSatisfying(command -> assertThat(command).endsWith("node"));

      jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
      assertThat(jvm.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();

      long deadline = System.nanoTime() + GRACE.toNanos();
      while (children.stream().anyMatch(DynaliteOrphanIT::running)
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(children).noneMatch(DynaliteOrphanIT::running);
    } finally {
      jvm.destroyForcibly();
    }
  }

  /** Reads the holder's output until it names its children. */
  private static List<Long> children(Process jvm) throws IOException {
    var output =
        new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith("children ")) {
        return Arrays.stream(line.substring("children ".length()).trim().split(" +"))
            .filter(pid -> !pid.isEmpty())
            .map(Long::parseLong)
            .toList();
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the stack holder ended before it was up:\n" + seen);
  }

  /** Alive and not a zombie waiting to be reaped (a zombie runs nothing). */
  private static boolean running(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
      } catch (IOException e) {
        return false; // gone between the two looks
      }
    }
    return false;
  }
}
