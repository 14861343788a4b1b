#!/usr/bin/env bash
# Container test of the consumer image, end to end, with the commands docs/container.md gives:
# builds the jar and the image (Dockerfile at the repository root), starts `./widgets local` on the
# host network, produces 200 requests into its queue, runs the image with an env file until the
# queue is idle, checks the widgets are in the DynamoDB table, and checks that the container stops
# cleanly on SIGTERM. Cleans up after itself, also on failure.
#
# Needs root (apt-get, debootstrap, rootful podman) and Debian's package mirror; no image registry.
# Podman stands in for Docker (same commands, see `engine` below). The base image is made here:
# a minimal Debian root filesystem plus a runtime linked by jlink from the build's JDK; it is built
# once and reused while its tag (JDK version + module list) exists.
#
#   scripts/container-test.sh
#   IMAGE=widgets-consumer:latest BASE_IMAGE=some/java:21 scripts/container-test.sh   (skip the base)
set -Eeuo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

image=${IMAGE:-widgets-consumer:latest}
requests=200
idle_seconds=5
queue_wait_seconds=10 # the consumer's default long poll
debian_mirror=http://deb.debian.org/debian
# jdeps --print-module-deps on the consumer's jars gives java.base, java.desktop, java.naming,
# java.security.jgss and java.sql; the rest are needed at run time: java.xml (logback and SDK
# XML), java.logging, java.management, jdk.net and java.net.http (HTTP clients), jdk.unsupported,
# and jdk.crypto.ec (elliptic-curve TLS to AWS on Java 21).
jre_modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.net,jdk.unsupported
run_name=widgets-consumer-test
stop_name=widgets-consumer-stop-test

work=""
logs="$root/target/container-test"
stack_pid=""
stage_name="start"
stage_started=$SECONDS
timings=()

say() { printf 'container-test: %s\n' "$*"; }
fail() {
  say "FAILED (${stage_name}): $* (logs: ${logs#"$root/"})" >&2
  exit 1
}
on_error() { fail "'$2' exited with status $1"; }
trap 'on_error $? "$BASH_COMMAND"' ERR

stage() { # starts the next stage, closing the one before
  end_stage
  stage_name=$1
  stage_started=$SECONDS
  say "==> $1"
}
end_stage() {
  if [ "$stage_name" != start ]; then
    timings+=("$(printf '%4d s  %s' $((SECONDS - stage_started)) "$stage_name")")
    say "    done in $((SECONDS - stage_started)) s"
  fi
}

# The same commands as `docker ...` in the docs; the global flags suit a machine without systemd
# and cgroup v1 (cgroupfs), and Debian's podman defaults to crun, which is not installed here.
engine() { podman --runtime runc --cgroup-manager=cgroupfs "$@"; }

cleanup() {
  local status=$?
  trap - ERR
  set +e
  [ -n "$work" ] && cp "$work"/*.log "$logs"/ 2>/dev/null
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

need_tools() {
  [ "$(id -u)" -eq 0 ] || fail "needs root (apt-get, debootstrap, rootful podman); run it with sudo"
  local missing=() tool
  for tool in podman runc debootstrap curl; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && { say "    podman, runc, debootstrap and curl present"; return; }
  say "    installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Package lists are fetched only when they do not know a package yet.
  local policy
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

# Prints the tag of the test base image: the JDK's version and the module list name it, so a
# new JDK or a changed list makes a new image.
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
  say "    debootstrap --variant=minbase bookworm ($debian_mirror)"
  debootstrap --variant=minbase bookworm "$rootfs" "$debian_mirror" >"$logs/debootstrap.log" 2>&1 ||
    fail "debootstrap failed: $(tail -n 1 "$logs/debootstrap.log")"
  # Package caches, indexes, documentation and translations are of no use at run time.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
    "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
  say "    jlink from $JAVA_HOME"
  "$JAVA_HOME/bin/jlink" --add-modules "$jre_modules" --strip-debug --no-header-files \
    --no-man-pages --compress=zip-6 --output "$rootfs/opt/java"
  tar -C "$rootfs" --numeric-owner -c . |
    engine import \
      --change 'ENV JAVA_HOME=/opt/java' \
      --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' \
      --change 'CMD ["java", "-version"]' \
      --quiet - "$tag" >/dev/null
  rm -rf --one-file-system "$rootfs"
  engine run --rm "$tag" java -version 2>&1 | head -n 1 | sed 's/^/    base: /'
}

build_image() {
  local base=$1 old new
  old=$(engine image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
  engine build --isolation chroot --build-arg BASE_IMAGE="$base" -t "$image" . >"$logs/build.log" 2>&1 ||
    fail "image build failed: $(tail -n 1 "$logs/build.log")"
  new=$(engine image inspect --format '{{.Id}}' "$image")
  # A rebuild leaves the previous image untagged: remove it so repeated runs do not pile up.
  if [ -n "$old" ] && [ "$old" != "$new" ]; then
    engine rmi "$old" >/dev/null 2>&1 || true
  fi
  say "    $image: $(engine image inspect --format '{{.Size}}' "$image" |
    awk '{printf "%.0f MB", $1 / 1e6}'), user $(engine image inspect --format '{{.Config.User}}' "$image")"
  [ "$(engine image inspect --format '{{.Config.User}}' "$image")" = "10001:0" ] ||
    fail "image runs as '$(engine image inspect --format '{{.Config.User}}' "$image")', not 10001:0"
  # The default command is --help: the image starts and the consumer's options are listed.
  engine run --rm "$image" >"$logs/help.log" 2>&1 || fail "'docker run $image' (--help) failed"
  grep -q -- '--request-queue' "$logs/help.log" || fail "'docker run $image' printed no usage"
}

stack_log() { tail -n "${1:-1}" "$logs/local.log" 2>/dev/null | tr -s '\n' ' '; }

start_stack() {
  # Free ports rather than the defaults, so the test runs beside a stack already up on this machine.
  local options=(--s3-port 0 --sqs-port 0 --dynamodb-port 0)
  if [[ $(./widgets local --help 2>&1) == *--http-port* ]]; then options+=(--http-port 0); fi
  ./widgets local "${options[@]}" >"$logs/local.log" 2>&1 &
  stack_pid=$!
  # The launcher builds on first use, then prints the endpoints once everything is up.
  local waited=0
  until grep -q 'export AWS_REGION=' "$logs/local.log"; do
    kill -0 "$stack_pid" 2>/dev/null || { fail "./widgets local exited: $(stack_log 3)"; }
    [ $waited -lt 600 ] || fail "./widgets local not up after 600 s: $(stack_log 3)"
    sleep 1
    waited=$((waited + 1))
  done
  # Its export lines, as KEY=VALUE lines: the env file the docs tell users to write.
  sed -n 's/^ *export //p' "$logs/local.log" | tr ' ' '\n' | grep -E '^AWS_[A-Z0-9_]+=' >"$work/widgets.env"
  queue_url=$(awk '$1 == "request" && $2 == "queue" { print $3; exit }' "$logs/local.log")
  [ -n "$queue_url" ] || fail "./widgets local printed no request queue URL"
  dynamodb_url=$(sed -n 's/^AWS_ENDPOINT_URL_DYNAMODB=//p' "$work/widgets.env")
  say "    up; queue $queue_url; env file: $(cut -d= -f1 "$work/widgets.env" | tr '\n' ' ')"
}

produce() {
  (
    set -a
    # shellcheck disable=SC1091
    . "$work/widgets.env"
    ./widgets producer -rq "$queue_url" -mwr "$requests" -ird 0 -mrt 0 --seed 5250
  ) >"$logs/producer.log" 2>&1 || fail "producer failed: $(tail -n 1 "$logs/producer.log")"
  say "    $(tail -n 1 "$logs/producer.log")"
}

consume() {
  engine run --rm --network host --env-file "$work/widgets.env" --name "$run_name" \
    "$image" -rq "$queue_url" -dwt widgets --exit-when-idle "$idle_seconds" >"$logs/consumer.log" 2>&1 ||
    fail "consumer container failed: $(tail -n 1 "$logs/consumer.log")"
  local summary
  summary=$(sed -n 's/.*consumer stopped: //p' "$logs/consumer.log")
  say "    consumer: $summary"
  [[ $summary == "$requests handled"* ]] || fail "expected $requests requests handled, got: $summary"
  [[ $summary == *" 0 rejected, 0 left for retry"* ]] || fail "requests were rejected or left: $summary"
}

# Counts the items of the widget table through DynamoDB's HTTP API (DynamoDB Local does not check
# signatures, so no AWS CLI is needed).
count_widgets() {
  local key
  key=$(sed -n 's/^AWS_ACCESS_KEY_ID=//p' "$work/widgets.env")
  curl -fsS "$dynamodb_url" \
    -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: DynamoDB_20120810.Scan' \
    -H "Authorization: AWS4-HMAC-SHA256 Credential=${key:-local}/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0" \
    -d '{"TableName": "widgets", "Select": "COUNT"}' | sed -n 's/.*"Count":\([0-9]*\).*/\1/p'
}

check_widgets() {
  local count
  count=$(count_widgets) || fail "could not scan the widget table at $dynamodb_url"
  [ "${count:-0}" -gt 0 ] || fail "the widget table is empty after $requests requests"
  say "    $count widgets in table 'widgets' (creates less deletes of the $requests requests)"
}

check_sigterm() {
  engine run -d --network host --env-file "$work/widgets.env" --name "$stop_name" \
    "$image" -rq "$queue_url" -dwt widgets >/dev/null
  local waited=0
  until [[ $(engine logs "$stop_name" 2>&1) == *"consumer started"* ]]; do
    [ $waited -lt 60 ] || fail "consumer container did not start: $(engine logs "$stop_name" 2>&1 | tail -n 1)"
    sleep 1
    waited=$((waited + 1))
  done
  local stop_started=$SECONDS
  # ECS's default stop timeout: SIGTERM, then SIGKILL after 30 s.
  engine stop --time 30 "$stop_name" >/dev/null
  local code
  code=$(engine inspect --format '{{.State.ExitCode}}' "$stop_name")
  engine logs "$stop_name" >"$logs/stop.log" 2>&1
  engine rm "$stop_name" >/dev/null
  # The JVM's own answer to SIGTERM is exit code 143; 0 means the consumer's drain ran.
  [ "$code" = 0 ] || fail "consumer exited $code on SIGTERM, expected 0: $(tail -n 1 "$logs/stop.log")"
  say "    stopped with exit code 0 in $((SECONDS - stop_started)) s (long poll ${queue_wait_seconds} s)"
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
  engine rm --force --ignore "$run_name" "$stop_name" >/dev/null 2>&1

  stage "base image"
  base=${BASE_IMAGE:-}
  if [ -z "$base" ]; then
    base=$(base_image_tag)
    build_base_image "$base"
  else
    say "    given: $base"
  fi

  stage "consumer jar (./mvnw -B -q -DskipTests package -pl consumer -am)"
  ./mvnw -B -q -DskipTests package -pl consumer -am >"$logs/mvn.log" 2>&1 ||
    fail "Maven build failed: $(grep -m 1 ERROR "$logs/mvn.log" || tail -n 1 "$logs/mvn.log")"

  stage "image (docker build -t $image .)"
  build_image "$base"

  stage "local stack (./widgets local)"
  start_stack

  stage "producer ($requests requests)"
  produce

  stage "consumer container (docker run --network host --env-file ...)"
  consume

  stage "widgets in the table"
  check_widgets

  stage "SIGTERM (docker stop)"
  check_sigterm
  end_stage
  stage_name="start"

  say "timings:"
  printf '  %s\n' "${timings[@]}"
  say "PASSED in $((SECONDS - total_started)) s"
}

main "$@"
