package dev.widgetrequests.consumer.metrics;

import java.net.InetAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What watches a consumer run: the metrics endpoint when a port is given, the progress line when an
 * interval is. Close to stop both.
 */
public final class ConsumerWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConsumerWatch.class);

  private final MetricsServer server;
  private final ProgressLine progress;

  private ConsumerWatch(MetricsServer server, ProgressLine progress) {
    this.server = server;
    this.progress = progress;
  }

  /**
   * @param metricsBind the address to serve metrics on
   * @param metricsPort where to serve metrics, 0 for any free port, or {@code null} for nowhere
   * @param progressInterval how often to log progress, or {@link Duration#ZERO} for never
   */
  public static ConsumerWatch start(
      ConsumerMetrics metrics,
      InetAddress metricsBind,
      Integer metricsPort,
      Duration progressInterval) {
    MetricsServer server = null;
    if (metricsPort != null) {
      server = new MetricsServer(metricsBind, metricsPort, metrics::scrape);
      log.info(
          "metrics at http://{}:{}/metrics",
          server.address().getAddress().getHostAddress(),
          server.port());
    }
    ProgressLine progress =
        progressInterval.isZero() ? null : new ProgressLine(metrics, progressInterval);
    return new ConsumerWatch(server, progress);
  }

  @Override
  public void close() {
    if (progress != null) {
      progress.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
