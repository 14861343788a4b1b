package dev.widgetrequests.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The results as a Markdown table, ready for a README. */
final class BenchTable {
  /**
   * The drains of one path at one latency.
   *
   * @param ceilingProcess the ceiling loops in a JVM run as the consumer's; null when not measured
   * @param plainWrites the ceiling loops writing the bare request body; null when not measured
   */
  record Row(
      int latencyMillis,
      BenchPath path,
      Drain consumer,
      Drain baseline,
      Drain ceiling,
      Drain ceilingProcess,
      Drain plainWrites) {
    List<Drain> drains() {
      return Stream.of(consumer, baseline, ceiling, ceilingProcess, plainWrites)
          .filter(Objects::nonNull)
          .toList();
    }
  }

  /** One production at full speed, and the bare SDK loop's rate to the same queue. */
  record ProducerRow(int latencyMillis, double producerPerSecond, double bareSendPerSecond) {}

  /** Printed under the table: where the cost columns come from. */
  static final String NOTE =
      "Calls counted by the local stack's fronts over each drain. WCU/RCU (DynamoDB write and read"
          + " units, the owner index's writes included) are computed from the item sizes by"
          + " DynamoDB's published rules, not returned by the local server. $/M requests: AWS"
          + " us-east-1 list prices for the requests alone, checked "
          + Cost.PRICES_AS_OF
          + " (SQS $0.40/M; S3 $0.005/1,000 PUT, COPY, POST, LIST and $0.0004/1,000 GET, HEAD;"
          + " DynamoDB on-demand $0.625/M write units, $0.125/M read units).";

  private final List<Row> rows = new ArrayList<>();
  private final List<ProducerRow> producerRows = new ArrayList<>();
  private final List<HotWidgetTable.Row> hotWidgetRows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  void add(ProducerRow row) {
    producerRows.add(row);
  }

  void add(HotWidgetTable.Row row) {
    hotWidgetRows.add(row);
  }

  void print(PrintStream out) {
    if (!rows.isEmpty() || hotWidgetRows.isEmpty()) {
      printPaths(out);
      out.println();
    }
    if (!hotWidgetRows.isEmpty()) {
      HotWidgetTable.print(hotWidgetRows, out);
      out.println();
    }
    out.println(NOTE);
    if (!producerRows.isEmpty()) {
      out.println();
      out.println("| latency | producer (-ird 0) req/s | bare SDK batch sends req/s | ratio |");
      out.println("|---|---:|---:|---:|");
      for (ProducerRow row : producerRows) {
        out.printf(
            "| %d ms | %.0f | %.0f | %.2f |%n",
            row.latencyMillis(),
            row.producerPerSecond(),
            row.bareSendPerSecond(),
            row.producerPerSecond() / Math.max(1e-9, row.bareSendPerSecond()));
      }
    }
  }

  private void printPaths(PrintStream out) {
    out.println(
        "| latency | path | drainer | requests | req/s | p50 ms | p99 ms | × one-at-a-time |"
            + " × raw ceiling | peak RSS MB | CPU ms/req | CPU ms/req without JIT |"
            + " calls/req SQS · S3 · DynamoDB | WCU/req | RCU/req | $/M requests |"
            + " × one-at-a-time $ | note |");
    out.println(
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Row row : rows) {
      Cost baselineCost = row.baseline().cost();
      for (Drain drain : row.drains()) {
        Cost cost = drain.cost();
        out.printf(
            "| %d ms | %s | %s | %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |"
                + " %s | %s |%n",
            row.latencyMillis(),
            row.path().label,
            drain.drainer(),
            drain.handled(),
            drain.perSecond(),
            figure(drain.percentile(50)),
            figure(drain.percentile(99)),
            ratio(drain, row.baseline()),
            ratio(drain, row.ceiling()),
            drain.peakRssMb() < 0 ? "—" : String.format("%.0f", drain.peakRssMb()),
            millis(drain.cpuMillisPerRequest()),
            millis(drain.cpuMillisPerRequestWithoutJit()),
            cost == null
                ? "—"
                : "%.2f · %.2f · %.2f"
                    .formatted(cost.sqsCalls(), cost.s3Calls(), cost.dynamoDbCalls()),
            cost == null ? "—" : "%.2f".formatted(cost.writeUnits()),
            cost == null ? "—" : "%.2f".formatted(cost.readUnits()),
            cost == null ? "—" : "%.2f".formatted(cost.dollarsPerMillion()),
            cost == null || baselineCost == null || drain == row.baseline()
                ? "—"
                : "%.2f".formatted(cost.dollarsPerMillion() / baselineCost.dollarsPerMillion()),
            drain.note());
      }
    }
  }

  private static String figure(long millis) {
    return millis < 0 ? "—" : Long.toString(millis);
  }

  private static String ratio(Drain drain, Drain reference) {
    if (drain == reference || reference.perSecond() <= 0) {
      return "—";
    }
    return String.format("%.2f", drain.perSecond() / reference.perSecond());
  }

  private static String millis(double value) {
    return value < 0 ? "—" : String.format("%.2f", value);
  }
}
