# Shared by bench/learning/run.sh and bench/cluster/run.sh (sourced; ROOT and WORK must be set first).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
# Waits up to a minute (or WAIT_SECONDS) for a URL to answer 2xx; further arguments go to curl (a cookie, say).
wait_for() {
  local tries=$(( ${WAIT_SECONDS:-60} * 2 ))
  for _ in $(seq 1 "$tries"); do curl -sf -o /dev/null "$@" && return 0; sleep 0.5; done
  echo "no answer from $1" >&2; return 1
}
token_of() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
cookie_header() { awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$1"; }
# wrk's "Requests/sec" and its 99th percentile latency (in ms).
rps_of() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
p99_of() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$1"; }

# The runtime settings of the production image: the Dockerfile's "# Runtime tuning" ENV block, as NAME=value words
# in the array RUNTIME_ENV, so that a benchmarked server runs as a deployed replica does.
read_runtime_env() {
  mapfile -t RUNTIME_ENV < <(sed -n '/^# Runtime tuning/,/^$/p' "$ROOT/Dockerfile" | grep -oE '[A-Za-z_0-9]+=[^ \\]+')
  [ "${#RUNTIME_ENV[@]}" -gt 0 ] || { echo "no runtime settings found in the Dockerfile" >&2; return 1; }
  echo "server runtime settings: ${RUNTIME_ENV[*]}" >&2
}

# The learning benchmarks' content in $WORK/content: the shipped curriculum, with the first lesson of course $1 made
# about 20 KB of HTML (same front matter, longer text). Sets LESSON (its slug) and LESSON_FILE.
prepare_lesson_content() {
  cp -r "$ROOT/content" "$WORK/content"
  LESSON_FILE=$(ls "$WORK/content/courses/$1"/01-*.md)
  LESSON=$(awk '/^id:/ { print $2; exit }' "$LESSON_FILE")
  awk '/^---$/ { n++; print; if (n == 2) exit; next } { print }' "$LESSON_FILE" > "$WORK/lesson.md"
  for i in $(seq 1 28); do
    printf '\n## Abschnitt %d\n\nDie Anerkennung ausländischer Berufsabschlüsse ist ein Verfahren, in dem eine zuständige Stelle prüft, ob eine im Ausland erworbene Qualifikation einem deutschen Referenzberuf gleichwertig ist. Arbeitgeber profitieren, weil sie Kompetenzen besser einschätzen und gezielt nachqualifizieren können. Abschnitt %d vertieft diesen Gedanken mit einem Beispiel aus der Praxis.\n\n- Zuständige Stelle klären\n- Unterlagen vollständig einreichen\n- Ergebnis für die Personalentwicklung nutzen\n' "$i" "$i" >> "$WORK/lesson.md"
  done
  mv "$WORK/lesson.md" "$LESSON_FILE"
}
