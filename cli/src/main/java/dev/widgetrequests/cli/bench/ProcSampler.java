package dev.widgetrequests.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Samples a child process: its peak resident memory ({@code VmHWM} in {@code /proc/PID/status},
 * Linux only) and its CPU time so far. The last sample before the process ends is what counts.
 */
final class ProcSampler {
  private final long pid;
  private long peakRssKb = -1;
  private double cpuMillis;

  ProcSampler(long pid) {
    this.pid = pid;
  }

  void sample() {
    ProcessHandle.of(pid)
        .flatMap(handle -> handle.info().totalCpuDuration())
        .map(Duration::toNanos)
        .ifPresent(nanos -> cpuMillis = nanos / 1e6);
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("\\D", "")));
        }
      }
    } catch (IOException | RuntimeException gone) {
      // Not Linux, or the process has just ended: keep the last sample.
    }
  }

  long peakRssKb() {
    return peakRssKb;
  }

  double cpuMillis() {
    return cpuMillis;
  }
}
