package dev.widgetrequests.cli.redrive;

import dev.widgetrequests.aws.AwsClients;
import dev.widgetrequests.aws.AwsSettings;
import dev.widgetrequests.aws.cli.AwsOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code widgets redrive}: dead letters and rejected objects back to where they came from. */
@Command(
    name = "redrive",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Moves dead letters back to the queue they came from, and rejected request objects"
          + " (rejected/KEY) back to KEY in their bucket, where the consumer takes them up again."
          + " Each is sent (or copied) first and deleted after, so none is lost. With --dry-run,"
          + " lists them with their reasons and moves nothing.",
      "",
      "A dead letter goes back only to a queue whose redrive policy names the dead-letter queue"
          + " (the queue SQS moved it from, or the source-queue the consumer wrote), or to --to;"
          + " any other is listed as unverified and stays. Only the letters present when the run"
          + " starts are moved, each once: one that comes back during the run (a consumer"
          + " rejects it again) waits for the next run. Ctrl-C stops between two letters and"
          + " prints what moved and what did not.",
      "",
      "Give a dead-letter queue (--dead-letter-queue), a bucket (--rejected-bucket), or both."
    },
    footer = {
      "",
      "Examples:",
      "  widgets redrive --dead-letter-queue http://127.0.0.1:9324/000000000000/widget-requests-dlq"
          + " --dry-run",
      "  widgets redrive --rejected-bucket widget-requests --reason-contains owner --max 10",
      "",
      "Exit codes: 0 done, 1 failure, 2 usage error."
    })
public final class RedriveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-dlq", "--dead-letter-queue"},
      paramLabel = "URL",
      description = "Take dead letters from this queue.")
  String deadLetterQueue;

  @Option(
      names = "--to",
      paramLabel = "URL",
      description =
          "Send every dead letter to this queue, verified or not (default: its verified source"
              + " queue).")
  String to;

  @Option(
      names = {"-rb", "--rejected-bucket"},
      paramLabel = "BUCKET",
      description = "Move rejected request objects in this bucket back under their own key.")
  String rejectedBucket;

  @Option(
      names = "--rejected-prefix",
      paramLabel = "PREFIX",
      defaultValue = "rejected/",
      description = "Where rejected objects are in the bucket (default: ${DEFAULT-VALUE}).")
  String rejectedPrefix;

  @Option(names = "--dry-run", description = "List what would move, with reasons; move nothing.")
  boolean dryRun;

  @Option(
      names = "--reason-contains",
      paramLabel = "TEXT",
      description = "Only those whose rejection reason contains TEXT.")
  String reasonContains;

  @Option(
      names = "--max",
      paramLabel = "N",
      defaultValue = "" + Integer.MAX_VALUE,
      description = "Move at most N distinct letters of each kind (default: all).")
  int max;

  @Mixin AwsOptions aws;

  @Option(names = "--endpoint-url-s3", paramLabel = "URL", description = "S3 endpoint only.")
  URI s3EndpointUrl;

  @Option(names = "--endpoint-url-sqs", paramLabel = "URL", description = "SQS endpoint only.")
  URI sqsEndpointUrl;

  @Override
  public Integer call() {
    if (deadLetterQueue == null && rejectedBucket == null) {
      throw new ParameterException(
          spec.commandLine(), "give --dead-letter-queue URL, --rejected-bucket BUCKET, or both");
    }
    if (max < 1) {
      throw new ParameterException(spec.commandLine(), "--max must be at least 1");
    }
    if (rejectedBucket != null && rejectedPrefix.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--rejected-prefix is empty (every object would be copied onto itself, then deleted):"
              + " give the consumer's rejected prefix, e.g. rejected/");
    }
    StopOnCtrlC stop = StopOnCtrlC.install();
    try {
      return redrive(stop);
    } finally {
      stop.finished();
    }
  }

  private int redrive(StopOnCtrlC stop) {
    PrintWriter out = spec.commandLine().getOut();
    Selection selection = new Selection(reasonContains, max, dryRun);
    String verb = dryRun ? "would move" : "moved";
    try (AwsClients clients = new AwsClients(settings())) {
      if (deadLetterQueue != null) {
        RedriveSummary summary =
            new DeadLetterRedrive(clients.sqs(), deadLetterQueue, to, Clock.systemUTC())
                .run(selection, r -> out.println(r.line()), stop::requested);
        out.println(summary.line(dryRun, deadLetterQueue));
        out.flush();
      }
      if (rejectedBucket != null && !stop.requested()) {
        List<Redriven> moved =
            new RejectedObjectRedrive(clients.s3(), rejectedBucket, rejectedPrefix)
                .run(selection, r -> out.println(r.line()), stop::requested);
        out.printf(
            "%s%s %d rejected objects in s3://%s%s%n",
            stop.requested() ? "stopped: " : "",
            verb,
            moved.size(),
            rejectedBucket,
            stop.requested() ? "; the rest were not looked at and stay" : "");
      }
    }
    out.flush();
    return 0;
  }

  private AwsSettings settings() {
    return aws.settings(System.getenv(), s3EndpointUrl, sqsEndpointUrl, null);
  }
}
