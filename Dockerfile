# The consumer's container image: the prebuilt runnable jar and its libraries on a Java 21+ runtime.
#
# Build the jar first (the image build runs no Maven, so it needs no registry and stays small):
#   ./mvnw -B -q -DskipTests package -pl consumer -am
#   docker build -t widgets-consumer:latest .
# Run: docker run --rm --env-file widgets.env widgets-consumer:latest -rq QUEUE_URL -dwt TABLE
# See docs/container.md.

# Any image with a Java 21 or newer `java` on PATH and /bin/sh. The default is Amazon Corretto 21
# without GUI libraries, from the ECR Public Gallery (also on Docker Hub as amazoncorretto:21-al2023-headless).
ARG BASE_IMAGE=public.ecr.aws/amazoncorretto/amazoncorretto:21-al2023-headless
FROM ${BASE_IMAGE}

ARG BASE_IMAGE
ARG VERSION=1.0.0-SNAPSHOT
LABEL org.opencontainers.image.title="widgets-consumer" \
      org.opencontainers.image.description="Widget Requests consumer: applies widget requests from an SQS queue or S3 bucket to an S3 bucket or DynamoDB table" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.base.name="${BASE_IMAGE}" \
      org.opencontainers.image.documentation="docs/container.md"

# A numeric user works on bases without useradd; group 0 lets platforms that pick an arbitrary
# user id (in group 0) still write the working directory, where the consumer keeps its log file.
# HOME is where the AWS SDK looks for .aws/config when a profile is mounted there.
# The JIT stops at C1: on the fraction of a vCPU a task gets, C2 spends more CPU compiling the AWS
# SDK than its faster code saves (widgets bench: less CPU per request, more requests per second,
# less memory). Two malloc arenas keep native memory from growing with the carrier threads.
# The metrics port (--metrics-port) listens on every interface of the task, so a scraper beside it
# reaches it; outside a container it listens on loopback only (docs/design/local-endpoints.md).
ENV HOME=/home/widgets \
    WIDGETS_METRICS_BIND=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1"
RUN mkdir -p /home/widgets && chown 10001:0 /home/widgets && chmod 0775 /home/widgets

# Libraries change less often than the consumer's own jar: a layer of their own.
COPY consumer/target/lib/ /opt/widgets-consumer/lib/
COPY consumer/target/widgets-consumer.jar /opt/widgets-consumer/widgets-consumer.jar

USER 10001:0
WORKDIR /home/widgets

# Exec form: java is PID 1 and gets SIGTERM itself; the consumer then stops taking requests,
# finishes or releases those in flight and exits 0.
ENTRYPOINT ["java", "-jar", "/opt/widgets-consumer/widgets-consumer.jar"]
CMD ["--help"]
