# Sourced by the project's scripts: picks a JDK 21+ (the machine's default java may be older).
# Honours JAVA_HOME when it is already 21+, else looks in the usual JVM folders.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1; }
pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    local home; home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(java_major "$home")" -ge 21 ] 2>/dev/null; then export JAVA_HOME="$home"; return 0; fi
  fi
  local candidate best="" best_major=0
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    local major; major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found (set JAVA_HOME to one)." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
pick_jdk || exit 1
export PATH="$JAVA_HOME/bin:$PATH"
# Maven 3.8 on JDK 24+ warns about sun.misc.Unsafe in its own libraries; that noise hides real output.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
