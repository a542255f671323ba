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
# Maven 3.8 (and JavaFX's renderer) on JDK 24+ warn about sun.misc.Unsafe; that noise hides real output.
# The option exists from JDK 23 only: an older JVM would refuse to start with it.
java_version=$(java_major "$JAVA_HOME")
unsafe_flag=()
if [ "${java_version%%.*}" -ge 23 ] 2>/dev/null; then
  unsafe_flag=(--sun-misc-unsafe-memory-access=allow)
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
# Maven, quiet, for the scripts' own builds: what it prints goes to stderr without the colour codes it
# writes even when told not to; its exit status is kept.
quiet_mvn() {
  local status=0
  { mvn -q -B -Dstyle.color=never "$@" 2>&1 || status=$?; } | sed -e $'s/\x1b\\[[0-9;]*m//g' -e '/^[[:space:]]*$/d' >&2
  return "$status"
}
# sqlite-jdbc and JavaFX load native code: say it is allowed, instead of a warning on every start.
JAVA_FLAGS=(--enable-native-access=ALL-UNNAMED "${unsafe_flag[@]}")
# The scripts' log lines: level, short logger name and message (no thread names), for a log a person reads.
JAVA_FLAGS+=(-Dorg.slf4j.simpleLogger.showThreadName=false -Dorg.slf4j.simpleLogger.showShortLogName=true)
# What the JavaFX app lacks on this machine to draw a window (empty when nothing): on Linux, GTK 3.
javafx_desktop_missing() {
  [ "$(uname -s)" = Linux ] || return 0
  # grep reads all of ldconfig's list (with -q it would stop early, and ldconfig's SIGPIPE fails the pipe under
  # pipefail); the library itself is looked for in each folder that exists.
  local lib found=
  for lib in /usr/lib/*/libgtk-3.so.0 /usr/lib64/libgtk-3.so.0; do
    [ -e "$lib" ] && found=1
  done
  if ! { ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0' >/dev/null; } && [ -z "$found" ]; then
    echo "GTK 3 (Debian/Ubuntu: sudo apt-get install libgtk-3-0; Fedora: sudo dnf install gtk3)"
  fi
}
