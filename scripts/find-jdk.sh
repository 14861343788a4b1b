# Sourced by ./widgets and ./mvnw: points JAVA_HOME at a JDK >= 21.
# Looks at JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/*; the newest qualifying one under
# /usr/lib/jvm wins. Exits with a one-line fix when there is none.

widgets_java_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25, ...)
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//; s/\..*//' | head -n 1
}

widgets_find_jdk() {
  local min=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(widgets_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge "$min" ]; then return 0; fi
  fi
  if candidate=$(command -v javac 2>/dev/null); then
    candidate=$(dirname "$(dirname "$(readlink -f "$candidate")")")
    major=$(widgets_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge "$min" ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(widgets_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge "$min" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "widgets: no JDK ${min} or newer found (checked JAVA_HOME, javac on PATH, /usr/lib/jvm/*);" \
       "install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
  return 1
}
