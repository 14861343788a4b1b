package dev.widgetrequests.consumer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LogFileTest {
  @TempDir Path dir;

  @Test
  void theLogFile_rollsOverAtItsSizeLimit_andKeepsAFewOlderFiles() throws Exception {
    Path file = dir.resolve("widgets-consumer.log");
    String loggerName = "dev.widgetrequests.logfiletest";
    LogFile.attach(file, loggerName, true, LogFormat.text, 4 * 1024, 2);
    Logger log = LoggerFactory.getLogger(loggerName);

    // The size is looked at once a second: write about 25 KB a second for a few seconds.
    String line = "x".repeat(200);
    long until = System.nanoTime() + 3_500_000_000L;
    while (System.nanoTime() < until) {
      log.info(line);
      Thread.sleep(10);
    }

    assertThat(dir.resolve("widgets-consumer.log.1")).exists();
    assertThat(dir.resolve("widgets-consumer.log.2")).exists();
    assertThat(dir.resolve("widgets-consumer.log.3")).doesNotExist();
    assertThat(files()).allSatisfy(f -> assertThat(Files.size(f)).isLessThan(64 * 1024));
  }

  private Stream<Path> files() throws IOException {
    return Files.list(dir).toList().stream();
  }
}
