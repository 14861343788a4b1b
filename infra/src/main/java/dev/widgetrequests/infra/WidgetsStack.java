package dev.widgetrequests.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/** Widget Requests on AWS: storage, queues, table, request API, consumer service, alarms. */
public final class WidgetsStack extends Stack {
  private final RequestStorage storage;
  private final RequestQueues queues;
  private final WidgetTable table;
  private final RequestApi api;
  private final ConsumerService consumer;
  private final QueueAlarms alarms;

  public WidgetsStack(
      Construct scope,
      String id,
      StackProps props,
      InfraSettings settings,
      Code handlerCode,
      IRepository repository) {
    super(scope, id, props);
    LogGroups logs = new LogGroups(this, "Logs");
    storage = new RequestStorage(this, "Storage");
    queues = new RequestQueues(this, "Queues", settings);
    table = new WidgetTable(this, "Widgets", settings);
    api = new RequestApi(this, "Api", settings, handlerCode, queues.queue(), logs);
    consumer =
        new ConsumerService(
            this,
            "Consumer",
            settings,
            repository,
            logs,
            new ConsumerPermissions.Resources(
                queues.queue(),
                queues.deadLetters(),
                storage.payloads(),
                storage.widgets(),
                table.table()));
    alarms = new QueueAlarms(this, "Alarms", settings, queues);
    output("ApiUrl", api.api().getApiEndpoint() + RequestApi.ROUTE);
    output("RequestQueueUrl", queues.queue().getQueueUrl());
    output("DeadLetterQueueUrl", queues.deadLetters().getQueueUrl());
    output("RequestBucket", storage.requests().getBucketName());
    output("WidgetBucket", storage.widgets().getBucketName());
    output("PayloadBucket", storage.payloads().getBucketName());
    output("WidgetTable", table.table().getTableName());
    output("ClusterName", consumer.cluster().getClusterName());
    output("ServiceName", consumer.service().getServiceName());
    output("AlarmTopic", alarms.topic().getTopicArn());
  }

  private void output(String id, String value) {
    CfnOutput.Builder.create(this, id).value(value).build();
  }

  public RequestStorage storage() {
    return storage;
  }

  public RequestQueues queues() {
    return queues;
  }

  public WidgetTable table() {
    return table;
  }

  public QueueAlarms alarms() {
    return alarms;
  }

  public RequestApi api() {
    return api;
  }

  public ConsumerService consumer() {
    return consumer;
  }
}
