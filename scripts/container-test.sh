#!/usr/bin/env bash
# Container test of the consumer image, end to end, with the commands docs/container.md gives:
# builds the jar and the image (Dockerfile at the repository root), starts `./widgets local` on the
# host network, produces 200 requests into its queue, runs the image with an env file until the
# queue is idle, checks that the widgets are in the DynamoDB table, and checks that the container
# drains and exits 0 on SIGTERM. Cleans up after itself, also on failure; logs stay in
# target/container-test/.
#
# Needs root (apt-get, debootstrap, rootful podman) and Debian's package mirror; no image registry.
# Podman stands in for Docker (same commands, see `engine` below). The base image is made here:
# a minimal Debian root filesystem plus a runtime linked by jlink from the build's JDK. It is built
# once and reused while its tag (JDK version + module list) exists.
#
#   sudo scripts/container-test.sh
#   sudo BASE_IMAGE=amazoncorretto:21-al2023-headless scripts/container-test.sh   (registry reachable)
set -Eeuo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

image=${IMAGE:-widgets-consumer:latest}
requests=200
idle_seconds=5
queue_wait_seconds=10 # the consumer's default long poll
debian_mirror=http://deb.debian.org/debian
# jdeps --print-module-deps on the consumer's jars gives java.base, java.desktop, java.naming,
# java.security.jgss and java.sql; the rest are needed at run time: java.xml (logback, SDK XML),
# java.logging, java.management, jdk.net and java.net.http (HTTP clients), jdk.unsupported, and
# jdk.crypto.ec (elliptic-curve TLS to AWS on Java 21), jdk.httpserver (--metrics-port).
jre_modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,jdk.net,jdk.unsupported
run_name=widgets-consumer-test
stop_name=widgets-consumer-stop-test

logs="$root/target/container-test"
env_file="$logs/widgets.env"
work=""
stack_pid=""
queue_url=""
stage_name=""
stage_started=$SECONDS
timings=()

say() { printf 'container-test: %s\n' "$*"; }
fail() {
  say "FAILED (${stage_name:-setup}): $* (logs: ${logs#"$root/"}/)" >&2
  exit 1
}
trap 'fail "\"$BASH_COMMAND\" exited with status $?"' ERR

stage() { # starts the next stage, closing the one before
  end_stage
  stage_name=$1
  stage_started=$SECONDS
  say "==> $1"
}
end_stage() {
  [ -n "$stage_name" ] || return 0
  timings+=("$(printf '%4d s  %s' $((SECONDS - stage_started)) "$stage_name")")
  say "    done in $((SECONDS - stage_started)) s"
  stage_name=""
}

# Podman in place of docker. The global flags suit a machine without systemd and with cgroup v1,
# and pick runc: Debian's podman defaults to crun, which need not be installed.
engine() { podman --runtime runc --cgroup-manager=cgroupfs "$@"; }
show() { # prints a command the way docs/container.md writes it
  local line="$*"
  say "    \$ ${line/#engine /podman }"
}

cleanup() {
  local status=$?
  trap - ERR
  set +e
  if command -v podman >/dev/null; then
    engine rm --force --ignore "$run_name" "$stop_name" >/dev/null 2>&1
  fi
  if [ -n "$stack_pid" ] && kill -0 "$stack_pid" 2>/dev/null; then
    kill -TERM "$stack_pid" 2>/dev/null
    for _ in $(seq 1 30); do kill -0 "$stack_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$stack_pid" 2>/dev/null
    wait "$stack_pid" 2>/dev/null
  fi
  if [ -n "$work" ] && [ -d "$work" ]; then
    # debootstrap may leave /proc or /dev mounted inside the root filesystem when it fails.
    findmnt -rn -o TARGET | grep -F "$work/" | sort -r | xargs -r umount -l
    rm -rf --one-file-system "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
# Bash acts on these once the command in the foreground returns; then cleanup runs as on failure.
trap 'fail "stopped by a signal"' INT TERM HUP

need_tools() {
  [ "$(id -u)" -eq 0 ] || fail "needs root (apt-get, debootstrap, rootful podman); run it with sudo"
  local missing=() tool policy
  for tool in podman runc debootstrap curl; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "    podman, runc, debootstrap and curl present"
    return
  fi
  say "    \$ apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Package lists are fetched only when they do not know a package yet.
  policy=$(apt-cache policy "${missing[@]}" 2>/dev/null)
  if [[ $policy == *"Candidate: (none)"* ]] ||
    [ "$(grep -c 'Candidate:' <<<"$policy")" -lt ${#missing[@]} ]; then
    apt-get update -q >"$logs/apt.log" 2>&1 || fail "apt-get update failed: $(tail -n 1 "$logs/apt.log")"
  fi
  apt-get install -y -q "${missing[@]}" >>"$logs/apt.log" 2>&1 ||
    fail "apt-get install ${missing[*]} failed: $(tail -n 1 "$logs/apt.log")"
}

configure_podman() {
  # Rootful podman sets containers' open-files limit to 1048576, above this machine's hard limit,
  # which even root may not raise here ("error setting rlimit type 7"): keep the inherited one.
  printf '[containers]\ndefault_ulimits = []\n' >"$work/containers.conf"
  export CONTAINERS_CONF="$work/containers.conf"
}

# The tag of the test base image: the JDK's version and the module list name it, so a new JDK or
# a changed list makes a new image.
base_image_tag() {
  local version hash
  version=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.runtime\.version = //p' | tr '+' '_')
  hash=$(printf '%s' "$jre_modules" | sha256sum | cut -c1-8)
  printf 'localhost/widgets-test-base:bookworm-java%s-%s' "$version" "$hash"
}

build_base_image() {
  local tag=$1 rootfs="$work/rootfs"
  if engine image exists "$tag"; then
    say "    $tag exists; reusing it"
    return
  fi
  say "    \$ debootstrap --variant=minbase bookworm ROOTFS $debian_mirror"
  debootstrap --variant=minbase bookworm "$rootfs" "$debian_mirror" >"$logs/debootstrap.log" 2>&1 ||
    fail "debootstrap failed: $(tail -n 1 "$logs/debootstrap.log")"
  # Package caches and indexes, documentation and translations are of no use at run time.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
  say "    \$ jlink --add-modules ... --output ROOTFS/opt/java   (from $JAVA_HOME)"
  "$JAVA_HOME/bin/jlink" --add-modules "$jre_modules" --strip-debug --no-header-files \
    --no-man-pages --compress=zip-6 --output "$rootfs/opt/java" >"$logs/jlink.log" 2>&1 ||
    fail "jlink failed (a JDK before 24 needs its jmods): $(tail -n 1 "$logs/jlink.log")"
  say "    \$ tar -C ROOTFS -c . | podman import - $tag"
  tar -C "$rootfs" --numeric-owner -c . |
    engine import --quiet \
      --change 'ENV JAVA_HOME=/opt/java' \
      --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["java", "-version"]' \
      - "$tag" >/dev/null
  rm -rf --one-file-system "$rootfs"
  say "    base: $(engine run --rm "$tag" java -version 2>&1 | head -n 1)"
}

build_image() {
  local base=$1 old new user
  old=$(engine image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
  show engine build --isolation chroot --build-arg BASE_IMAGE="$base" -t "$image" .
  engine build --isolation chroot --build-arg BASE_IMAGE="$base" -t "$image" . >"$logs/build.log" 2>&1 ||
    fail "image build failed: $(tail -n 1 "$logs/build.log")"
  new=$(engine image inspect --format '{{.Id}}' "$image")
  # A rebuild leaves the previous image untagged: remove it so repeated runs do not pile up.
  if [ -n "$old" ] && [ "$old" != "$new" ]; then
    engine rmi "$old" >/dev/null 2>&1 || true
  fi
  user=$(engine image inspect --format '{{.Config.User}}' "$image")
  say "    $image: $(engine image inspect --format '{{.Size}}' "$image" |
    awk '{printf "%.0f MB", $1 / 1e6}'), user $user"
  [ "$user" = "10001:0" ] || fail "the image runs as '$user', not 10001:0"
  # The default command is --help: the image starts and lists the consumer's options.
  show engine run --rm "$image"
  engine run --rm "$image" >"$logs/help.log" 2>&1 || fail "'run --rm $image' (--help) failed"
  grep -q -- '--request-queue' "$logs/help.log" || fail "'run --rm $image' printed no usage"
}

start_stack() {
  # Free ports rather than the defaults, so the test runs beside a stack already up on this machine.
  local options=(--s3-port 0 --sqs-port 0 --dynamodb-port 0 --http-port 0) waited=0
  show ./widgets local "${options[@]}" "&"
  ./widgets local "${options[@]}" >"$logs/local.log" 2>&1 &
  stack_pid=$!
  # The launcher builds on first use, then prints the endpoints once everything is up.
  until grep -q 'export AWS_REGION=' "$logs/local.log"; do
    kill -0 "$stack_pid" 2>/dev/null ||
      fail "./widgets local exited: $(tail -n 3 "$logs/local.log" | tr -s '\n' ' ')"
    [ $waited -lt 600 ] || fail "./widgets local not up after 600 s"
    sleep 1
    waited=$((waited + 1))
  done
  # Its export lines as KEY=VALUE lines: the env file the docs tell users to write.
  sed -n 's/^ *export //p' "$logs/local.log" | tr ' ' '\n' | grep -E '^AWS_[A-Z0-9_]+=' >"$env_file"
  queue_url=$(awk '$1 == "request" && $2 == "queue" { print $3; exit }' "$logs/local.log")
  [ -n "$queue_url" ] || fail "./widgets local printed no request queue URL"
  say "    up; queue $queue_url"
  say "    env file ${env_file#"$root/"}: $(cut -d= -f1 "$env_file" | tr '\n' ' ')"
}

produce() {
  show ./widgets producer -rq "$queue_url" -mwr "$requests" -ird 0 -mrt 0 --seed 5250
  (
    set -a
    # shellcheck disable=SC1090
    . "$env_file"
    ./widgets producer -rq "$queue_url" -mwr "$requests" -ird 0 -mrt 0 --seed 5250
  ) >"$logs/producer.log" 2>&1 || fail "producer failed: $(tail -n 1 "$logs/producer.log")"
  say "    $(tail -n 1 "$logs/producer.log")"
}

# As the CDK app's ECS task runs it (docs/container.md): a read-only root file system (podman
# mounts a tmpfs on /tmp) and no log file.
consume() {
  local summary
  show engine run --rm --read-only --network host --env-file "${env_file#"$root/"}" "$image" \
    -rq "$queue_url" -dwt widgets --exit-when-idle "$idle_seconds" --log-file none
  engine run --rm --read-only --network host --env-file "$env_file" --name "$run_name" "$image" \
    -rq "$queue_url" -dwt widgets --exit-when-idle "$idle_seconds" --log-file none \
    >"$logs/consumer.log" 2>&1 ||
    fail "consumer container failed: $(tail -n 1 "$logs/consumer.log")"
  summary=$(sed -n 's/.*consumer stopped: //p' "$logs/consumer.log")
  say "    consumer: $summary"
  [[ $summary == "$requests handled"* ]] || fail "expected $requests requests handled, got: $summary"
  [[ $summary == *" 0 rejected, 0 left for retry"* ]] || fail "requests were rejected or left: $summary"
}

# Items in the widget table, with the AWS CLI when there is one. Without it, the same Scan through
# DynamoDB's HTTP API: dynalite wants an Authorization and a date header but checks no signature.
count_widgets() (
  set -a
  # shellcheck disable=SC1090
  . "$env_file"
  set +a
  if command -v aws >/dev/null; then
    show aws --endpoint-url "$AWS_ENDPOINT_URL_DYNAMODB" dynamodb scan --table-name widgets \
      --select COUNT --query Count --output text >&2
    aws --endpoint-url "$AWS_ENDPOINT_URL_DYNAMODB" dynamodb scan --table-name widgets \
      --select COUNT --query Count --output text
  else
    say "    (no AWS CLI: the same Scan with curl)" >&2
    curl -fsS "$AWS_ENDPOINT_URL_DYNAMODB" \
      -H 'Content-Type: application/x-amz-json-1.0' \
      -H 'X-Amz-Target: DynamoDB_20120810.Scan' \
      -H "X-Amz-Date: $(date -u +%Y%m%dT%H%M%SZ)" \
      -H "Authorization: AWS4-HMAC-SHA256 Credential=$AWS_ACCESS_KEY_ID/20250101/$AWS_REGION/dynamodb/aws4_request, SignedHeaders=host, Signature=0" \
      -d '{"TableName": "widgets", "Select": "COUNT"}' | sed -n 's/.*"Count":\([0-9]*\).*/\1/p'
  fi
)

check_widgets() {
  local count
  count=$(count_widgets 2>"$logs/scan.log") || fail "could not scan the widget table: $(tail -n 1 "$logs/scan.log")"
  grep '^container-test:' "$logs/scan.log" || true
  [[ $count =~ ^[0-9]+$ ]] || fail "the scan gave no count: '$count'"
  [ "$count" -gt 0 ] || fail "the widget table is empty after $requests requests"
  say "    $count widgets in table 'widgets' (created and not deleted by the $requests requests)"
}

check_sigterm() {
  local waited=0 stop_started code
  show engine run -d --network host --env-file "${env_file#"$root/"}" --name "$stop_name" "$image" \
    -rq "$queue_url" -dwt widgets
  engine run -d --network host --env-file "$env_file" --name "$stop_name" "$image" \
    -rq "$queue_url" -dwt widgets >/dev/null
  until [[ $(engine logs "$stop_name" 2>&1) == *"consumer started"* ]]; do
    [ $waited -lt 60 ] || fail "the consumer did not start: $(engine logs "$stop_name" 2>&1 | tail -n 1)"
    sleep 1
    waited=$((waited + 1))
  done
  # Exec form: java itself is PID 1, so SIGTERM goes straight to the JVM.
  [ "$(engine exec "$stop_name" cat /proc/1/comm)" = java ] || fail "PID 1 in the container is not java"
  stop_started=$SECONDS
  # 30 s is ECS's default stop timeout: SIGTERM, then SIGKILL when it runs out.
  show engine stop --time 30 "$stop_name"
  engine stop --time 30 "$stop_name" >/dev/null
  code=$(engine inspect --format '{{.State.ExitCode}}' "$stop_name")
  engine logs "$stop_name" >"$logs/stop.log" 2>&1
  engine rm "$stop_name" >/dev/null
  # The JVM by itself ends with 143 on SIGTERM; 0 means the consumer's drain ran to the end.
  [ "$code" = 0 ] || fail "the consumer exited $code on SIGTERM, expected 0: $(tail -n 1 "$logs/stop.log")"
  say "    java was PID 1; exit code 0, $((SECONDS - stop_started)) s after SIGTERM (long poll: ${queue_wait_seconds} s)"
}

main() {
  local total_started=$SECONDS base
  rm -rf "$logs" && mkdir -p "$logs"
  work=$(mktemp -d /var/tmp/widgets-container-test.XXXXXX)

  stage "tools"
  need_tools
  configure_podman
  # shellcheck source=scripts/find-jdk.sh
  . "$root/scripts/find-jdk.sh"
  widgets_find_jdk || fail "no JDK 21 or newer found"
  engine rm --force --ignore "$run_name" "$stop_name" >/dev/null 2>&1 # left by a killed run

  stage "base image"
  base=${BASE_IMAGE:-}
  if [ -n "$base" ]; then
    say "    given: $base"
  else
    base=$(base_image_tag)
    build_base_image "$base"
  fi

  stage "consumer jar"
  show ./mvnw -B -q -DskipTests package -pl consumer -am
  ./mvnw -B -q -DskipTests package -pl consumer -am >"$logs/mvn.log" 2>&1 ||
    fail "Maven build failed: $(grep -m 1 ERROR "$logs/mvn.log" || tail -n 1 "$logs/mvn.log")"

  stage "image"
  build_image "$base"

  stage "local stack"
  start_stack

  stage "producer"
  produce

  stage "consumer container"
  consume

  stage "widgets in the table"
  check_widgets

  stage "SIGTERM"
  check_sigterm
  end_stage

  say "timings:"
  printf '  %s\n' "${timings[@]}"
  say "PASSED in $((SECONDS - total_started)) s"
}

main "$@"
