package dev.widgetrequests.infra;

import dev.widgetrequests.infra.InfraSettings.WidgetStoreKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinition;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.MountPoint;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Volume;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The consumer as an ECS Fargate service: the image from the ECR repository at the configured tag,
 * its options as the container's command, logs to CloudWatch, a stop timeout longer than the drain,
 * and as many tasks as the backlog per task asks for ({@link BacklogScaling}).
 */
public final class ConsumerService extends Construct {
  static final String CONTAINER_NAME = "widgets-consumer";

  /**
   * ECS sends SIGTERM, then SIGKILL after this. The consumer's drain takes the long-poll wait (10
   * s) plus the requests in flight (well under a second each), so 40 s leaves room.
   */
  static final Duration STOP_TIMEOUT = Duration.seconds(40);

  /** The image's own user (Dockerfile: {@code USER 10001:0}), never root. */
  static final String USER = "10001:0";

  /** The task's memory, also the container's hard limit. */
  static final int MEMORY_MIB = 512;

  static final String TMP_VOLUME = "tmp";

  private final Cluster cluster;
  private final FargateService service;
  private final Role taskRole;

  ConsumerService(
      Construct scope,
      String id,
      InfraSettings settings,
      IRepository repository,
      LogGroups logGroups,
      ConsumerPermissions.Resources resources) {
    super(scope, id);
    Vpc vpc =
        Vpc.Builder.create(this, "Vpc")
            .maxAzs(2)
            // Public subnets and public task IPs instead of NAT gateways or interface endpoints:
            // the tasks serve nothing (no inbound rule), and either would cost more than the
            // tasks. Only the service's tasks get a public IP (assignPublicIp), not whatever else
            // is launched in the subnets.
            .natGateways(0)
            .subnetConfiguration(
                List.of(
                    SubnetConfiguration.builder()
                        .name("public")
                        .subnetType(SubnetType.PUBLIC)
                        .mapPublicIpOnLaunch(false)
                        .cidrMask(24)
                        .build()))
            // Free: S3 and DynamoDB traffic stays on AWS's network. (A sorted map: the same
            // template on every run.)
            .gatewayEndpoints(
                new TreeMap<>(
                    Map.of(
                        "S3",
                        GatewayVpcEndpointOptions.builder()
                            .service(GatewayVpcEndpointAwsService.S3)
                            .build(),
                        "DynamoDb",
                        GatewayVpcEndpointOptions.builder()
                            .service(GatewayVpcEndpointAwsService.DYNAMODB)
                            .build())))
            .build();
    Nag.acknowledge(
        vpc,
        "AwsSolutions-VPC7",
        "The VPC holds only consumer tasks that accept no inbound traffic; their"
            + " calls go to AWS APIs, which CloudTrail records.");
    cluster =
        Cluster.Builder.create(this, "Cluster")
            .vpc(vpc)
            // Container Insights publishes RunningTaskCount, the divisor of backlog per task.
            .containerInsightsV2(ContainerInsights.ENABLED)
            .build();
    taskRole = ConsumerPermissions.role(this, "TaskRole", resources, settings.widgetStore());
    FargateTaskDefinition task = taskDefinition(settings, repository, logGroups, resources);
    service =
        FargateService.Builder.create(this, "Service")
            .cluster(cluster)
            .taskDefinition(task)
            .assignPublicIp(true)
            .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
            .minHealthyPercent(100)
            .maxHealthyPercent(200)
            .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
            .build();
    new BacklogScaling(this, "Scaling", settings, service, resources.queue());
  }

  public Cluster cluster() {
    return cluster;
  }

  public FargateService service() {
    return service;
  }

  public Role taskRole() {
    return taskRole;
  }

  private FargateTaskDefinition taskDefinition(
      InfraSettings settings,
      IRepository repository,
      LogGroups logGroups,
      ConsumerPermissions.Resources resources) {
    FargateTaskDefinition task =
        FargateTaskDefinition.Builder.create(this, "Task")
            .cpu(256)
            .memoryLimitMiB(MEMORY_MIB)
            .runtimePlatform(
                RuntimePlatform.builder()
                    .cpuArchitecture(CpuArchitecture.ARM64)
                    .operatingSystemFamily(OperatingSystemFamily.LINUX)
                    .build())
            .taskRole(taskRole)
            .build();
    LogGroup logs = logGroups.create(this, "Logs");
    // The JVM writes its performance data (and the SDK any temporary file) under /tmp: a task
    // volume there, the rest of the file system read-only.
    task.addVolume(Volume.builder().name(TMP_VOLUME).build());
    ContainerDefinition container =
        task.addContainer(
            "Consumer",
            ContainerDefinitionOptions.builder()
                .containerName(CONTAINER_NAME)
                .image(ContainerImage.fromEcrRepository(repository, settings.imageTag()))
                .command(command(settings, resources))
                .essential(true)
                .user(USER)
                .readonlyRootFilesystem(true)
                .memoryLimitMiB(MEMORY_MIB)
                .stopTimeout(STOP_TIMEOUT)
                .logging(
                    LogDriver.awsLogs(
                        AwsLogDriverProps.builder()
                            .logGroup(logs)
                            .streamPrefix("consumer")
                            .build()))
                .build());
    container.addMountPoints(
        MountPoint.builder()
            .sourceVolume(TMP_VOLUME)
            .containerPath("/tmp")
            .readOnly(false)
            .build());
    // The CDK writes the execution role's policy: pull from this repository, write this log
    // group, and ecr:GetAuthorizationToken, which IAM only grants on "*".
    Nag.acknowledge(
        task.obtainExecutionRole(),
        "AwsSolutions-IAM5[Resource::*]",
        "ecr:GetAuthorizationToken has no resource-level permissions: AWS requires Resource *.");
    return task;
  }

  /**
   * The consumer's options (docs/container.md): the queue, the payload bucket its claim checks may
   * point into (the only bucket it follows pointers to), the store, the region, no log file.
   */
  static List<String> command(InfraSettings settings, ConsumerPermissions.Resources resources) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "-rq",
                resources.queue().getQueueUrl(),
                "--payload-bucket",
                resources.payloads().getBucketName()));
    if (settings.widgetStore() == WidgetStoreKind.DYNAMODB) {
      command.addAll(
          List.of(
              "-dwt",
              resources.table().getTableName(),
              "--dynamodb-key-attribute",
              settings.partitionKey()));
    } else {
      command.addAll(List.of("-wb", resources.widgets().getBucketName()));
    }
    command.addAll(List.of("-r", Aws.REGION, "--log-file", "none"));
    return command;
  }
}
