package dev.widgetrequests.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The hot-widget path's results as a Markdown table of their own, two rows per latency. */
final class HotWidgetTable {
  private HotWidgetTable() {}

  /** The hot-widget path at one latency: the hot widget's run and the distinct creates' run. */
  record Row(int latencyMillis, HotWidgetRun hot, HotWidgetRun distinct) {
    double ratio() {
      return distinct.drain().perSecond() <= 0
          ? 0
          : hot.drain().perSecond() / distinct.drain().perSecond();
    }
  }

  /** Printed under the hot widget's table: how its figures are taken, and what they aim at. */
  static final String NOTE =
      "Hot widget: each run queued in full before a fresh consumer process starts (no warm-up);"
          + " req/s from its first ReceiveMessage reaching the stack to its last request finished;"
          + " other widgets stored within: from that receive until the last of the 60 other"
          + " widgets' creates was stored, by the consumer's log. Targets (docs/design/consumer.md"
          + " E1, E5): × distinct creates at least 0.80, other widgets stored within 2 s.";

  static void print(List<Row> rows, PrintStream out) {
    out.println(
        "| latency | run | requests | req/s | × distinct creates | other widgets stored within |"
            + " CPU ms/req | calls/req SQS · S3 · DynamoDB | WCU/req | RCU/req | $/M requests |"
            + " note |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    for (Row row : rows) {
      for (HotWidgetRun run : List.of(row.hot(), row.distinct())) {
        Drain drain = run.drain();
        Cost cost = drain.cost();
        out.printf(
            "| %d ms | %s | %d | %.0f | %s | %s | %s | %s | %s | %s | %s | %s |%n",
            row.latencyMillis(),
            run.run(),
            drain.handled(),
            drain.perSecond(),
            run == row.hot() ? "%.2f".formatted(row.ratio()) : "—",
            run.othersStoredMillis() < 0 ? "—" : "%.2f s".formatted(run.othersStoredMillis() / 1e3),
            millis(drain.cpuMillisPerRequest()),
            cost == null
                ? "—"
                : "%.2f · %.2f · %.2f"
                    .formatted(cost.sqsCalls(), cost.s3Calls(), cost.dynamoDbCalls()),
            cost == null ? "—" : "%.2f".formatted(cost.writeUnits()),
            cost == null ? "—" : "%.2f".formatted(cost.readUnits()),
            cost == null ? "—" : "%.2f".formatted(cost.dollarsPerMillion()),
            Stream.of(drain.note(), run.note())
                .filter(note -> !note.isEmpty())
                .collect(Collectors.joining("; ")));
      }
    }
    out.println();
    out.println(NOTE);
  }

  private static String millis(double value) {
    return value < 0 ? "—" : String.format("%.2f", value);
  }
}
