package dev.widgetrequests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Samples a child process: its peak resident memory ({@code VmHWM} in {@code /proc/PID/status},
 * Linux only), its CPU time so far, and the part of it its JIT compiler threads spent (from {@code
 * /proc/PID/task/TID/stat}, in clock ticks of 10 ms). The last sample before the process ends is
 * what counts.
 */
final class ProcSampler {
  private final long pid;
  private long peakRssKb = -1;
  private double cpuMillis;
  private double jitCpuMillis;

  /** USER_HZ: the unit of utime and stime in {@code /proc}, 100 per second on Linux. */
  private static final double MILLIS_PER_TICK = 10;

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
    sampleJit();
  }

  private void sampleJit() {
    double ticks = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
          ticks += cpuTicks(Files.readString(task.resolve("stat")));
        }
      }
      jitCpuMillis = Math.max(jitCpuMillis, ticks * MILLIS_PER_TICK);
    } catch (IOException | RuntimeException gone) {
      // Not Linux, or a thread or the process has just ended: keep the last sample.
    }
  }

  /** utime + stime of one {@code stat} line: fields 14 and 15, counted after the command's ")". */
  private static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  long peakRssKb() {
    return peakRssKb;
  }

  double cpuMillis() {
    return cpuMillis;
  }

  /** CPU time of the JIT compiler threads alive at the last sample. */
  double jitCpuMillis() {
    return jitCpuMillis;
  }
}
