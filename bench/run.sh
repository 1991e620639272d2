#!/usr/bin/env bash
# The site against its peers, on one machine, in one run; writes BENCHMARKS.md.
#
# Usage: bench/run.sh [WORKDIR]            (default WORKDIR: /tmp/kb-bench)
# Env:   SIZES="1000 10000"   articles per language, one corpus each (WORKDIR/c<N>); any sizes
#                             the generator takes (e.g. SIZES=50000: ~2.7 GB per corpus)
#        RUNS=3               timed runs of everything below; medians are reported
#        SEED=1               corpus seed (the article page below exists for seed 1)
#        KB_SHARED=../shared  where shared/bench lives (default: the repo's ../shared)
#        KB_JAVA_OPTS=        JVM options for the jar and bare Jetty (default: none, the README's command)
#        WRK_DURATION=10s     length of each wrk run
#        SEARCH_SOAK=60s      search load before the steady-state search figure
#        EDITS=3              timed edits per edit -> visible series (idle, under load, hugo server)
#        PAGEFIND=0           1 = also index with Pagefind and run its search in this run
#        SKIP_EVAL=0          1 = skip the search evaluation (mvn test -Dtest=SearchEvaluationTest)
#        KEEP_DATA=0          1 = keep WORKDIR/data-<N> and WORKDIR/edit-<N> after the run
#        OUT=BENCHMARKS.md    the report (default: BENCHMARKS.md at the repo root)
#
# Per size: generate the corpus (kept when WORKDIR/c<N>/corpus.json already has
# the same articles and seed; never written to afterwards); `hugo server` edit ->
# visible (peers/hugo-server-edit.sh, EDITS edits, median).  The jar runs on a
# private copy of the content (WORKDIR/edit-<N>/content) with its data folder
# WORKDIR/data-<N>; /health is polled every 50 ms:
#   cold start    data folder removed, launch -> first 200 on /health (RUNS, median);
#                 each right after a Hugo build of the corpus (peers/hugo.sh DIR 1; the
#                 Hugo build time is their median), so that each cold start has a Hugo
#                 build from the same minute to be divided by (the median of those ratios
#                 is the target's figure: this machine's speed drifts by more than the
#                 site's changes from one minute to the next)
#   warm restart  SIGTERM, same data folder and content, launch -> 200 (RUNS, median)
#   changed       SIGTERM, one article's title edited, launch -> 200 (RUNS, median);
#                 the last one stays up for everything below
#   edit->visible the title of the article hugo-server-edit.sh edits (English side of
#                 facts.tsv's first row) edited the same way, 4 s apart, polled every
#                 20 ms until its page shows the new word AND /api/search?q=<word>&lang=en
#                 answers that article; EDITS edits idle, then EDITS more while
#                 `wrk -t1 -c8` loads another article page (facts.tsv's second row, en)
# then, alternating RUNS times, `wrk -t2 -c32 -d$WRK_DURATION --latency` on one
# article page of the jar, the same bytes from bench/BareJetty.java (Jetty alone,
# the stack's ceiling), the same page from nginx serving Hugo's output
# (peers/nginx-static.sh start, 2 s warm-up, the same wrk, stop) and the jar's
# /api/search rotating through queries.tsv (bench/search-rotate.lua); the jar's
# search quality on queries.tsv (bench/search-quality.py); the size of the home
# (/pt/) and of the article's category page (bytes, gzip bytes, links) and, RUNS times
# alternating, wrk on each; the jar's peak RSS (VmHWM) after all that.
# Routes that answer 404 are reported n/a.  Everything goes to 127.0.0.1 only.
# Logs: WORKDIR/logs/ops-bench-<utc>/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORKDIR=${1:-/tmp/kb-bench}
read -r -a SIZE_LIST <<< "${SIZES:-1000 10000}"
RUNS=${RUNS:-3}
SEED=${SEED:-1}
KB_JAVA_OPTS=${KB_JAVA_OPTS-}   # empty by default: the README's command, no JVM flags
WRK_DURATION=${WRK_DURATION:-10s}
SEARCH_SOAK=${SEARCH_SOAK:-60s}
PAGEFIND=${PAGEFIND:-0}
SKIP_EVAL=${SKIP_EVAL:-0}
KEEP_DATA=${KEEP_DATA:-0}
EDITS=${EDITS:-3}
EDIT_TIMEOUT=${EDIT_TIMEOUT:-600}     # seconds to wait for an edit to show
OUT=${OUT:-$ROOT/BENCHMARKS.md}
READY_TIMEOUT=${READY_TIMEOUT:-600}   # seconds to wait for /health

if [ -n "${KB_SHARED:-}" ]; then
  if [ -f "$KB_SHARED/bench/gen-corpus.py" ]; then SB=$KB_SHARED/bench
  elif [ -f "$KB_SHARED/gen-corpus.py" ]; then SB=$KB_SHARED
  else echo "bench: KB_SHARED=$KB_SHARED has neither bench/gen-corpus.py nor gen-corpus.py" >&2; exit 2; fi
else
  SB=$ROOT/../shared/bench
fi
[ -f "$SB/gen-corpus.py" ] || { echo "bench: $SB/gen-corpus.py not found (set KB_SHARED=/path/to/shared)" >&2; exit 2; }
SB=$(cd "$SB" && pwd)
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench: RUNS must be a positive integer" >&2; exit 2; }
[[ "$EDITS" =~ ^[1-9][0-9]*$ ]] || { echo "bench: EDITS must be a positive integer" >&2; exit 2; }
for n in "${SIZE_LIST[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench: SIZES must be positive integers, got '$n'" >&2; exit 2; }
done

mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
LOGS="$WORKDIR/logs/ops-bench-$STAMP"
mkdir -p "$LOGS"
RES="$LOGS/results.tsv"      # size<TAB>key<TAB>value ("-" = whole run)
CMDS="$LOGS/commands.sh"     # every measuring command, as run
: > "$RES"; : > "$CMDS"
exec > >(tee "$LOGS/run.log") 2>&1

put() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$RES"; }
cmd() { printf '%s\n' "$*" >> "$CMDS"; }
note() { echo "note ($1): $2"; put "$1" note "$2"; }
median() { printf '%s\n' "$@" | grep -v '^n/a$' | sort -g | awk '{v[NR]=$1} END{if (NR) print v[int((NR+1)/2)]; else print "n/a"}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# a path as written in BENCHMARKS.md: relative to the repo when inside it or in ../shared
rel() {
  local sh; sh=$(cd "$ROOT/.." && pwd)/shared
  case "$1" in "$ROOT"/*) echo "${1#"$ROOT"/}";; "$sh"/*) echo "../shared/${1#"$sh"/}";; *) echo "$1";; esac
}

# wrk --latency output -> "rps p50_ms p99_ms non2xx socket_errors requests"
parse_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
                     if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v + 0 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { req = $1 }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { non = $NF }
    /Socket errors:/ { sub(/^ *Socket errors: */, ""); gsub(/ /, ""); serr = $0 }
    END { if (non == "") non = 0; if (serr == "") serr = "none";
          printf "%s %.3f %.3f %s %s %s\n", rps, p50, p99, non, serr, req }'
}

# ---------------------------------------------------------------- processes
JAR_PID=""
NGINX_PORT=""
BARE_PID=""
LOAD_PID=""
STOP_S=""          # seconds from SIGTERM to exit, of the last jar_stop
STOP_KILLED=0      # 1 when the last jar_stop needed SIGKILL
STOP_WAIT=${STOP_WAIT:-60}   # seconds the jar gets to exit on SIGTERM before SIGKILL
# shellcheck disable=SC2317  # also called from the EXIT trap
jar_stop() {
  local t0
  STOP_S=""; STOP_KILLED=0
  [ -n "$JAR_PID" ] || return 0
  if kill -0 "$JAR_PID" 2>/dev/null; then
    t0=$EPOCHREALTIME
    kill -TERM "$JAR_PID" 2>/dev/null || true
    for _ in $(seq 1 $((STOP_WAIT * 10))); do kill -0 "$JAR_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$JAR_PID" 2>/dev/null; then STOP_KILLED=1; kill -KILL "$JAR_PID" 2>/dev/null || true; fi
    STOP_S=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f", b-a}')
  fi
  wait "$JAR_PID" 2>/dev/null || true
  JAR_PID=""
}
# shellcheck disable=SC2317  # called from the EXIT trap
bg_stop() {  # bg_stop PID [SIGNAL]: ends one background process this script started (wrk: INT, bare Jetty: TERM)
  [ -n "$1" ] || return 0
  kill "-${2:-TERM}" "$1" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  jar_stop
  bg_stop "$LOAD_PID" INT; LOAD_PID=""
  bg_stop "$BARE_PID"; BARE_PID=""
  if [ -n "$NGINX_PORT" ]; then bash "$SB/peers/nginx-static.sh" stop "$NGINX_PORT" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN{printf "%.3f", b-a}'; }

# jar_start CONTENT DATA PORT LOG: starts the jar, sets JAR_PID and READY_S (start to first 200 on /health)
jar_start() {
  local content=$1 data=$2 port=$3 log=$4 t0 code
  t0=$EPOCHREALTIME
  # shellcheck disable=SC2086  # KB_JAVA_OPTS is a list of options
  java $KB_JAVA_OPTS -jar "$ROOT/target/kb.jar" --port "$port" --content "$content" --data "$data" > "$log" 2>&1 &
  JAR_PID=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health" || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$JAR_PID" 2>/dev/null; then
      echo "bench: the jar exited before /health answered 200; last lines of $log:" >&2
      tail -20 "$log" >&2; wait "$JAR_PID" 2>/dev/null || true; JAR_PID=""; return 1
    fi
    if [ "$(awk -v a="$t0" -v b="$EPOCHREALTIME" -v t="$READY_TIMEOUT" 'BEGIN{print (b-a > t)}')" = 1 ]; then
      echo "bench: no 200 on /health after ${READY_TIMEOUT}s; last lines of $log:" >&2
      tail -20 "$log" >&2; jar_stop; return 1
    fi
    sleep 0.05
  done
  READY_S=$(elapsed "$t0")
}

rss_of() { awk -v k="$2:" '$1 == k {printf "%d", $2/1024}' "/proc/$1/status" 2>/dev/null || echo n/a; }

# set_title FILE WORD: puts WORD at the start of the article's title, replacing an earlier
# edit's word: exactly the edit of ../shared/bench/peers/hugo-server-edit.sh
set_title() {
  python3 - "$1" "$2" <<'PY'
import re, sys
p, w = sys.argv[1], sys.argv[2]
t = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(re.sub(r'^title: *"(edit\d+zqv )?', 'title: "' + w + ' ', t, count=1, flags=re.M))
PY
}

# shows BASE PAGE WORD: the page shows WORD and /api/search?q=WORD&lang=en answers the page
shows() {
  local body
  body=$(curl -s --max-time 5 "$1/$2" || true)
  [[ "$body" == *"$3"* ]] || return 1
  body=$(curl -s --max-time 5 -G --data-urlencode "q=$3" --data-urlencode "lang=en" "$1/api/search" || true)
  [[ "$body" == *"\"/$2\""* || "$body" == *"\"/$2#"* ]]
}

# edit_visible BASE FILE PAGE WORD: edits the title, sets VISIBLE_S (n/a after EDIT_TIMEOUT)
edit_visible() {
  local t0
  set_title "$2" "$4"
  t0=$EPOCHREALTIME
  until shows "$1" "$3" "$4"; do
    if [ "$(awk -v a="$t0" -v b="$EPOCHREALTIME" -v t="$EDIT_TIMEOUT" 'BEGIN{print (b-a > t)}')" = 1 ]; then
      VISIBLE_S=n/a; return 0
    fi
    sleep 0.02
  done
  VISIBLE_S=$(elapsed "$t0")
}

# bare_start PORT BODY HEADERS LOG: bench/BareJetty.java on PORT, sets BARE_PID; compiled with
# javac into WORKDIR when the single-file launch with the jar on the classpath does not start
bare_start() {
  local port=$1 body=$2 headers=$3 log=$4 how
  for how in source compiled; do
    if [ "$how" = source ]; then
      # shellcheck disable=SC2086  # KB_JAVA_OPTS is a list of options
      java $KB_JAVA_OPTS -cp "$ROOT/target/kb.jar" "$HERE/BareJetty.java" "$port" "$body" "$headers" > "$log" 2>&1 &
    else
      echo "bench: BareJetty.java did not start as a source program; compiling it (see $log)" >&2
      mkdir -p "$WORKDIR/barejetty"
      javac -d "$WORKDIR/barejetty" -cp "$ROOT/target/kb.jar" "$HERE/BareJetty.java" >> "$log" 2>&1 || return 1
      # shellcheck disable=SC2086  # KB_JAVA_OPTS is a list of options
      java $KB_JAVA_OPTS -cp "$ROOT/target/kb.jar:$WORKDIR/barejetty" BareJetty "$port" "$body" "$headers" >> "$log" 2>&1 &
    fi
    BARE_PID=$!
    BARE_HOW=$how
    for _ in $(seq 1 300); do
      [ "$(status_of "http://127.0.0.1:$port/")" = 200 ] && return 0
      kill -0 "$BARE_PID" 2>/dev/null || break
      sleep 0.1
    done
    bg_stop "$BARE_PID"; BARE_PID=""
  done
  return 1
}

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$1" || echo 000; }

# ---------------------------------------------------------------- the run
for t in wrk curl python3 java; do
  command -v "$t" >/dev/null 2>&1 || { echo "bench: $t is missing (apt-get install -y wrk curl python3 / a JDK 17)" >&2; exit 2; }
done

echo "== machine"
put - date_utc "$(date -u +%FT%TZ)"
put - machine "$(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/^Mem:/{print $2}') GiB RAM, Debian $(cat /etc/debian_version 2>/dev/null || echo '?'), kernel $(uname -r)"
put - java "$(java -version 2>&1 | head -1)"
put - commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (+ uncommitted changes)')"
put - sizes "${SIZE_LIST[*]}"
put - runs "$RUNS"
put - seed "$SEED"
put - java_opts "${KB_JAVA_OPTS:-none}"
put - wrk_duration "$WRK_DURATION"
put - edits "$EDITS"
put - loadavg_start "$(cut -d' ' -f1-3 /proc/loadavg)"
put - shared "$SB"
put - workdir "$WORKDIR"
cat "$RES"

echo "== build: mvn -q -DskipTests clean package"
cmd "mvn -q -DskipTests clean package"
# offline first (the dependencies are normally in ~/.m2 already), then online
(cd "$ROOT" && { mvn -o -q -DskipTests clean package || mvn -q -DskipTests clean package; })
[ -f "$ROOT/target/kb.jar" ] || { echo "bench: target/kb.jar was not built" >&2; exit 1; }
# bench/BareJetty.java runs against the Jetty inside the shaded jar
unzip -l "$ROOT/target/kb.jar" 'org/eclipse/jetty/server/Handler.class' > /dev/null 2>&1 \
  || { echo "bench: target/kb.jar has no org.eclipse.jetty.server (not the shaded jar?)" >&2; exit 1; }
put - jetty "$(unzip -p "$ROOT/target/kb.jar" META-INF/maven/org.eclipse.jetty/jetty-server/pom.properties 2>/dev/null \
  | sed -n 's/^version=//p')"

# Search quality on readers' questions (src/test/resources/search-eval/queries.tsv): the site and a
# plain-Lucene baseline on the shipped content and among 1,000 bench articles per language.
if [ "$SKIP_EVAL" = 1 ]; then
  echo "== search quality on readers' questions: skipped (SKIP_EVAL=1)"
  note - "search evaluation skipped (SKIP_EVAL=1)"
else
  echo "== search quality on readers' questions: mvn -q test -Dtest=SearchEvaluationTest"
  cmd "mvn -q -B test -Dtest=SearchEvaluationTest -Dkb.shared=$(rel "$SB")/..   # writes target/search-eval.md"
  if (cd "$ROOT" && mvn -q -B test -Dtest=SearchEvaluationTest -Dkb.shared="$SB/.." > "$LOGS/search-eval.log" 2>&1); then :; else
    note - "SearchEvaluationTest failed (its assertions; the table is still reported): see $LOGS/search-eval.log"
  fi
  if [ -f "$ROOT/target/search-eval.md" ]; then
    cp "$ROOT/target/search-eval.md" "$LOGS/search-eval.md"
    put - search_eval_md "$LOGS/search-eval.md"
  fi
fi

for n in "${SIZE_LIST[@]}"; do
  dir="$WORKDIR/c$n"
  echo
  echo "== $n articles per language -> $dir"

  # ---- corpus
  have=$(python3 -c 'import json,sys
try:
    d = json.load(open(sys.argv[1])); print("%s %s" % (d["articles_per_language"], d["seed"]))
except Exception: print("none")' "$dir/corpus.json" 2>/dev/null || echo none)
  cmd "python3 $(rel "$SB")/gen-corpus.py --articles $n --out $dir --seed $SEED"
  if [ "$have" = "$n $SEED" ] && [ -d "$dir/content/pt" ] && [ -f "$dir/queries.tsv" ]; then
    echo "corpus: kept (corpus.json says $n articles, seed $SEED)"
    put "$n" corpus "kept from an earlier run"
  else
    python3 "$SB/gen-corpus.py" --articles "$n" --out "$dir" --seed "$SEED"
    put "$n" corpus "generated"
  fi
  put "$n" content_sha256 "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["content_sha256"])' "$dir/corpus.json")"
  put "$n" md_files "$(find "$dir/content" -name '*.md' | wc -l)"
  # the pt page of the first article (kb-00001), as in run-baseline.sh
  page=$(awk -F'\t' 'NR==2 {print $7}' "$dir/facts.tsv" | sed -e 's#^content/##' -e 's#\.md$##')
  put "$n" page "/$page"

  # ---- hugo server: edit -> visible (peer), on its own copy of the content
  echo "-- hugo server edit x$EDITS"
  cmd "bash $(rel "$SB")/peers/hugo-server-edit.sh $dir $EDITS"
  if bash "$SB/peers/hugo-server-edit.sh" "$dir" "$EDITS" 2>&1 | tee "$LOGS/hugo-server-edit-$n.log"; then :; else
    note "$n" "peers/hugo-server-edit.sh failed: see $LOGS/hugo-server-edit-$n.log"
  fi
  hl=$(grep '^hugo_server_edit_seconds_median=' "$LOGS/hugo-server-edit-$n.log" || true)
  if [ -n "$hl" ]; then
    put "$n" hugo_edit_s "$(sed -E 's/.*hugo_server_edit_seconds_median=([^ ]+).*/\1/' <<< "$hl")"
    put "$n" hugo_edit_runs "$(sed -E 's/.* runs=([^ ]+).*/\1/' <<< "$hl")"
    put "$n" hugo_server_ready_s "$(sed -E 's/.*ready_seconds=([^ ]+).*/\1/' <<< "$hl")"
  fi

  # ---- the jar's own copy of the content (the corpus is never written to) and its data folder
  edir="$WORKDIR/edit-$n"
  data="$WORKDIR/data-$n"
  rm -rf "$edir" "$data"
  mkdir -p "$edir"
  cp -r "$dir/content" "$edir/content"
  content="$edir/content"
  # the article hugo-server-edit.sh edits: the English side of facts.tsv's first row
  erel=$(awk -F'\t' 'NR==2 {print $8}' "$dir/facts.tsv")
  epage=$(sed -e 's#^content/##' -e 's#\.md$##' <<< "$erel")
  efile="$edir/$erel"
  [ -f "$efile" ] || { echo "bench: $efile not found (facts.tsv's first row)" >&2; exit 1; }
  put "$n" edit_page "/$epage"
  # the page loaded while edits are timed: another article (facts.tsv's second row, English side)
  lpage=$(awk -F'\t' 'NR==3 {print $8}' "$dir/facts.tsv" | sed -e 's#^content/##' -e 's#\.md$##')
  put "$n" load_page "/$lpage"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  jopts=${KB_JAVA_OPTS:+$KB_JAVA_OPTS }

  # ---- the jar: cold start (empty data folder)
  cmd "rm -rf $data && java ${jopts}-jar target/kb.jar --port $port --content $content --data $data   # cold start, timed: launch to first 200 on /health, polled every 50 ms; then SIGTERM"
  cmd "bash $(rel "$SB")/peers/hugo.sh $dir 1   # the Hugo build (peer), right before each cold start, which is divided by it"
  colds=(); cold_rss=(); paired=(); pratios=(); hrss=(); hfiles=n/a
  for r in $(seq 1 "$RUNS"); do
    jar_stop
    rm -rf "$data"
    hl=$(bash "$SB/peers/hugo.sh" "$dir" 1 2>&1 | tee -a "$LOGS/hugo-$n.log" | grep '^hugo_build_seconds_median=' || true)
    hp=$(sed -nE 's/.*hugo_build_seconds_median=([0-9.]+).*/\1/p' <<< "$hl")
    hr=$(sed -nE 's/.*peak_rss_mb=([0-9]+).*/\1/p' <<< "$hl")
    hrss+=("${hr:-n/a}")
    [ -n "$hl" ] && hfiles=$(sed -E 's/.*html_files=([^ ]+).*/\1/' <<< "$hl")
    sync
    jar_start "$content" "$data" "$port" "$LOGS/jar-$n-cold-$r.log"
    cold_rss+=("$(rss_of "$JAR_PID" VmHWM)")
    echo "jar cold start $r: ready in $READY_S s (VmHWM $(rss_of "$JAR_PID" VmHWM) MiB), Hugo's build just before: ${hp:-n/a} s"
    colds+=("$READY_S")
    if [ -n "$hp" ]; then
      paired+=("$hp")
      pratios+=("$(awk -v a="$READY_S" -v b="$hp" 'BEGIN { printf "%.3f", a / b }')")
    fi
  done
  put "$n" jar_cold_s "$(median "${colds[@]}")"
  put "$n" jar_cold_runs "$(IFS=,; echo "${colds[*]}")"
  put "$n" jar_cold_rss_mb "$(median "${cold_rss[@]}")"
  if [ "${#pratios[@]}" -gt 0 ]; then
    put "$n" hugo_build_s "$(median "${paired[@]}")"
    put "$n" hugo_build_runs "$(IFS=,; echo "${paired[*]}")"
    put "$n" hugo_peak_rss_mb "$(median "${hrss[@]}")"
    put "$n" hugo_html_files "$hfiles"
    put "$n" jar_cold_paired_ratio "$(median "${pratios[@]}")"
    put "$n" jar_cold_paired_ratios "$(IFS=,; echo "${pratios[*]}")"
  else
    note "$n" "no Hugo build before the cold starts: see $LOGS/hugo-$n.log"
  fi

  # ---- warm restart: SIGTERM, same data folder, content unchanged
  cmd "kill -TERM <jar>; java ${jopts}-jar target/kb.jar --port $port --content $content --data $data   # warm restart, timed as the cold start"
  warms=(); stops=()
  for r in $(seq 1 "$RUNS"); do
    jar_stop
    stops+=("$STOP_S")
    [ "$STOP_KILLED" = 1 ] && note "$n" "the jar did not exit within ${STOP_WAIT}s of SIGTERM (killed) before warm restart $r"
    jar_start "$content" "$data" "$port" "$LOGS/jar-$n-warm-$r.log"
    echo "jar warm restart $r: ready in $READY_S s (the previous one stopped in $STOP_S s)"
    warms+=("$READY_S")
  done
  put "$n" jar_warm_s "$(median "${warms[@]}")"
  put "$n" jar_warm_runs "$(IFS=,; echo "${warms[*]}")"
  put "$n" jar_stop_s "$(median "${stops[@]}")"

  # ---- restart after one file changed while stopped; the last jar stays up for what follows
  cmd "kill -TERM <jar>; <edit the title of $efile as hugo-server-edit.sh does>; java ${jopts}-jar target/kb.jar --port $port --content $content --data $data   # restart after one change, timed as the cold start"
  changed=(); changed_seen=1
  for r in $(seq 1 "$RUNS"); do
    jar_stop
    [ "$STOP_KILLED" = 1 ] && note "$n" "the jar did not exit within ${STOP_WAIT}s of SIGTERM (killed) before changed restart $r"
    word="edit$((900 + r))zqv"
    set_title "$efile" "$word"
    jar_start "$content" "$data" "$port" "$LOGS/jar-$n-changed-$r.log"
    echo "jar restart after one change $r: ready in $READY_S s"
    changed+=("$READY_S")
    if ! shows "$base" "$epage" "$word"; then
      changed_seen=0
      note "$n" "restart after one change $r: at the first 200 on /health, /$epage or /api/search did not show the edited title yet"
    fi
  done
  put "$n" jar_changed_s "$(median "${changed[@]}")"
  put "$n" jar_changed_runs "$(IFS=,; echo "${changed[*]}")"
  put "$n" jar_changed_seen "$changed_seen"

  # ---- which routes exist
  jar_page_ok=1; search_ok=1
  code=$(status_of "$base/$page")
  if [ "$code" != 200 ]; then
    jar_page_ok=0; note "$n" "the jar answered $code on /$page: article figures n/a"
  fi
  q1=$(awk -F'\t' 'NR==2 {print $2; exit}' "$dir/queries.tsv")
  l1=$(awk -F'\t' 'NR==2 {print $1; exit}' "$dir/queries.tsv")
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -G --data-urlencode "q=$q1" --data-urlencode "lang=$l1" "$base/api/search" || echo 000)
  if [ "$code" != 200 ]; then
    search_ok=0; note "$n" "GET /api/search answered $code (route not there yet?): search figures n/a"
  fi
  code=$(status_of "$base/$page/")
  [ "$code" = 301 ] || note "$n" "/$page/ (Hugo's form) answered $code, expected 301"

  # ---- edit -> visible in page and search: idle, then under page load
  code=$(status_of "$base/$epage")
  if [ "$code" != 200 ] || [ $search_ok = 0 ]; then
    note "$n" "the jar answered $code on /$epage (or /api/search is missing): edit figures n/a"
  else
    echo "-- edit -> visible x$EDITS idle, x$EDITS under load"
    cmd "<every 4 s: edit the title of $content/${erel#content/} as hugo-server-edit.sh does (word editNzqv)>; until <$base/$epage shows the word> && <$base/api/search?q=editNzqv&lang=en has /$epage>; do sleep 0.02; done   # idle"
    cmd "wrk -t1 -c8 -d3600s $base/$lpage &   # in the background while $EDITS more edits are timed the same way (under load)"
    k=0; edit_failed=0
    for mode in idle load; do
      [ $edit_failed = 1 ] && break   # one edit never showed: the rest would only wait as long
      runs_v=()
      if [ "$mode" = load ]; then
        wrk -t1 -c8 -d3600s --latency "$base/$lpage" > "$LOGS/wrk-jar-editload-$n.log" 2>&1 &
        LOAD_PID=$!
        sleep 1
      fi
      for _ in $(seq 1 "$EDITS"); do
        k=$((k + 1))
        sleep 4
        edit_visible "$base" "$efile" "$epage" "edit${k}zqv"
        echo "jar edit $k ($mode): visible in page and search after $VISIBLE_S s"
        runs_v+=("$VISIBLE_S")
        if [ "$VISIBLE_S" = n/a ]; then
          note "$n" "edit $k ($mode): not visible in page and search after ${EDIT_TIMEOUT}s; the remaining edits skipped"
          edit_failed=1; break
        fi
      done
      if [ "$mode" = load ]; then
        bg_stop "$LOAD_PID" INT; LOAD_PID=""   # wrk prints its figures on SIGINT
        read -r rps p50 p99 non serr req < <(parse_wrk < "$LOGS/wrk-jar-editload-$n.log")
        echo "background load during the edits: rps=$rps p50=${p50}ms p99=${p99}ms requests=$req non2xx=$non socket_errors=$serr"
        put "$n" edit_load_rps "$rps"
        put "$n" edit_load_p99_ms "$p99"
        if [ "$non" != 0 ] || [ "$serr" != none ]; then note "$n" "background load during the edits: $non non-2xx/3xx, socket errors: $serr"; fi
      fi
      put "$n" "jar_edit_${mode}_s" "$(median "${runs_v[@]}")"
      put "$n" "jar_edit_${mode}_runs" "$(IFS=,; echo "${runs_v[*]}")"
    done
  fi

  # ---- warm-up (not reported): the JIT, like nginx-static.sh's 2 s
  [ $jar_page_ok = 1 ] && wrk -t1 -c4 -d5s "$base/$page" > /dev/null
  [ $search_ok = 1 ] && wrk -t1 -c4 -d5s -s "$HERE/search-rotate.lua" "$base" -- "$dir/queries.tsv" > /dev/null
  # The jar searches its own words after a start in the moments no request waits (SearchWarmUp):
  # no peer is measured beside it, so the run waits for it to end (or 150 s).
  warm_log="$LOGS/jar-$n-changed-$RUNS.log"; waited=0
  until grep -q 'search path warmed up' "$warm_log" 2>/dev/null || [ $waited -ge 300 ]; do sleep 0.5; waited=$((waited + 1)); done
  echo "jar's own search warm-up: $(grep -o 'search path warmed up.*' "$warm_log" || echo "still running after 150 s")"

  # ---- bare Jetty (bench/BareJetty.java) answering the article page's bytes, as the jar sends them
  bare_ok=0
  if [ $jar_page_ok = 1 ]; then
    curl -s -D "$LOGS/article-$n.headers" -o "$LOGS/article-$n.html" "$base/$page"
    bport=$(free_port)
    bbase="http://127.0.0.1:$bport"
    if bare_start "$bport" "$LOGS/article-$n.html" "$LOGS/article-$n.headers" "$LOGS/barejetty-$n.log"; then
      bare_ok=1
      put "$n" bare_launch "$BARE_HOW"
      if ! cmp -s "$LOGS/article-$n.html" <(curl -s "$bbase/$page"); then
        note "$n" "bare Jetty's answer differs from the jar's article page bytes"
      fi
      wrk -t1 -c4 -d5s "$bbase/$page" > /dev/null   # warm-up, as the jar's
    else
      note "$n" "bench/BareJetty.java did not start (see $LOGS/barejetty-$n.log): bare Jetty figures n/a"
    fi
  fi

  # ---- load: jar article, bare Jetty article, nginx article, jar search; alternating, RUNS times
  jar_rps=(); jar_p50=(); jar_p99=(); ngx_rps=(); ngx_p50=(); ngx_p99=(); s_rps=(); s_p50=(); s_p99=()
  bare_rps=(); bare_p50=(); bare_p99=()
  [ $jar_page_ok = 1 ] && cmd "wrk -t2 -c32 -d$WRK_DURATION --latency $base/$page   # jar, article page"
  if [ $bare_ok = 1 ]; then
    cmd "curl -s -D article.headers -o article.html $base/$page; java ${jopts}-cp target/kb.jar bench/BareJetty.java $bport article.html article.headers &   # bare Jetty, the same bytes and headers"
    cmd "wrk -t2 -c32 -d$WRK_DURATION --latency $bbase/$page   # bare Jetty, article page's bytes"
  fi
  cmd "bash $(rel "$SB")/peers/nginx-static.sh start $dir/hugo-public FREE_PORT; wrk -t1 -c4 -d2s <warm-up>; wrk -t2 -c32 -d$WRK_DURATION --latency http://127.0.0.1:FREE_PORT/$page/; bash $(rel "$SB")/peers/nginx-static.sh stop FREE_PORT   # nginx, the same page from Hugo's output"
  [ $search_ok = 1 ] && cmd "wrk -t2 -c32 -d$WRK_DURATION --latency -s bench/search-rotate.lua $base -- $dir/queries.tsv   # jar, /api/search"
  for r in $(seq 1 "$RUNS"); do
    if [ $jar_page_ok = 1 ]; then
      wrk -t2 -c32 -d"$WRK_DURATION" --latency "$base/$page" > "$LOGS/wrk-jar-article-$n-$r.log"
      read -r rps p50 p99 non serr req < <(parse_wrk < "$LOGS/wrk-jar-article-$n-$r.log")
      echo "jar article run $r: rps=$rps p50=${p50}ms p99=${p99}ms requests=$req non2xx=$non socket_errors=$serr"
      if [ "$non" != 0 ] || [ "$serr" != none ]; then note "$n" "jar article run $r: $non non-2xx/3xx, socket errors: $serr"; fi
      jar_rps+=("$rps"); jar_p50+=("$p50"); jar_p99+=("$p99")
    fi

    if [ $bare_ok = 1 ]; then
      wrk -t2 -c32 -d"$WRK_DURATION" --latency "$bbase/$page" > "$LOGS/wrk-bare-article-$n-$r.log"
      read -r rps p50 p99 non serr req < <(parse_wrk < "$LOGS/wrk-bare-article-$n-$r.log")
      echo "bare Jetty article run $r: rps=$rps p50=${p50}ms p99=${p99}ms requests=$req non2xx=$non socket_errors=$serr"
      if [ "$non" != 0 ] || [ "$serr" != none ]; then note "$n" "bare Jetty run $r: $non non-2xx/3xx, socket errors: $serr"; fi
      bare_rps+=("$rps"); bare_p50+=("$p50"); bare_p99+=("$p99")
    fi

    # nginx-static.sh's `run`, but with the same wrk duration as the jar's runs (its own is 10 s)
    NGINX_PORT=$(free_port)
    bash "$SB/peers/nginx-static.sh" start "$dir/hugo-public" "$NGINX_PORT" > "$LOGS/wrk-nginx-article-$n-$r.log" 2>&1 \
      || { cat "$LOGS/wrk-nginx-article-$n-$r.log"; echo "bench: nginx did not start" >&2; exit 1; }
    code=$(status_of "http://127.0.0.1:$NGINX_PORT/$page/")
    [ "$code" = 200 ] || { echo "bench: nginx answered $code on /$page/" >&2; exit 1; }
    wrk -t1 -c4 -d2s "http://127.0.0.1:$NGINX_PORT/$page/" > /dev/null   # warm-up, as nginx-static.sh run
    wrk -t2 -c32 -d"$WRK_DURATION" --latency "http://127.0.0.1:$NGINX_PORT/$page/" >> "$LOGS/wrk-nginx-article-$n-$r.log"
    bash "$SB/peers/nginx-static.sh" stop "$NGINX_PORT" >> "$LOGS/wrk-nginx-article-$n-$r.log" 2>&1 || true
    rm -rf "/tmp/kb-bench-nginx-$NGINX_PORT"   # the peer script's private prefix for that port
    NGINX_PORT=""
    read -r rps p50 p99 non serr req < <(parse_wrk < "$LOGS/wrk-nginx-article-$n-$r.log")
    echo "nginx article run $r: rps=$rps p50=${p50}ms p99=${p99}ms requests=$req non2xx=$non socket_errors=$serr"
    if [ "$non" != 0 ] || [ "$serr" != none ]; then note "$n" "nginx run $r: $non non-2xx/3xx, socket errors: $serr"; fi
    ngx_rps+=("$rps"); ngx_p50+=("$p50"); ngx_p99+=("$p99")

    if [ $search_ok = 1 ]; then
      wrk -t2 -c32 -d"$WRK_DURATION" --latency -s "$HERE/search-rotate.lua" "$base" -- "$dir/queries.tsv" > "$LOGS/wrk-jar-search-$n-$r.log"
      read -r rps p50 p99 non serr req < <(parse_wrk < "$LOGS/wrk-jar-search-$n-$r.log")
      echo "jar search run $r: rps=$rps p50=${p50}ms p99=${p99}ms requests=$req non2xx=$non socket_errors=$serr"
      if [ "$non" != 0 ] || [ "$serr" != none ]; then note "$n" "jar search run $r: $non non-2xx/3xx, socket errors: $serr"; fi
      s_rps+=("$rps"); s_p50+=("$p50"); s_p99+=("$p99")
    fi
  done
  bg_stop "$BARE_PID"; BARE_PID=""
  if [ $bare_ok = 1 ]; then
    put "$n" bare_rps "$(median "${bare_rps[@]}")"
    put "$n" bare_p50_ms "$(median "${bare_p50[@]}")"
    put "$n" bare_p99_ms "$(median "${bare_p99[@]}")"
    put "$n" bare_rps_runs "$(IFS=,; echo "${bare_rps[*]}")"
  fi
  put "$n" nginx_rps "$(median "${ngx_rps[@]}")"
  put "$n" nginx_p50_ms "$(median "${ngx_p50[@]}")"
  put "$n" nginx_p99_ms "$(median "${ngx_p99[@]}")"
  put "$n" nginx_rps_runs "$(IFS=,; echo "${ngx_rps[*]}")"
  if [ $jar_page_ok = 1 ]; then
    put "$n" jar_rps "$(median "${jar_rps[@]}")"
    put "$n" jar_p50_ms "$(median "${jar_p50[@]}")"
    put "$n" jar_p99_ms "$(median "${jar_p99[@]}")"
    put "$n" jar_rps_runs "$(IFS=,; echo "${jar_rps[*]}")"
  fi
  if [ $search_ok = 1 ]; then
    put "$n" search_rps "$(median "${s_rps[@]}")"
    put "$n" search_p50_ms "$(median "${s_p50[@]}")"
    put "$n" search_p99_ms "$(median "${s_p99[@]}")"
    put "$n" search_rps_runs "$(IFS=,; echo "${s_rps[*]}")"

    # ---- search in steady state: the JIT takes about a minute of search load on 2 cores to finish
    # compiling the search path, so the figure above (5 s of warm-up) is the one right after a start;
    # this one follows SEARCH_SOAK seconds of the same load (not reported)
    wrk -t2 -c32 -d"$SEARCH_SOAK" -s "$HERE/search-rotate.lua" "$base" -- "$dir/queries.tsv" > /dev/null
    wrk -t2 -c32 -d"$WRK_DURATION" --latency -s "$HERE/search-rotate.lua" "$base" -- "$dir/queries.tsv" > "$LOGS/wrk-jar-search-steady-$n.log"
    read -r rps p50 p99 non serr req < <(parse_wrk < "$LOGS/wrk-jar-search-steady-$n.log")
    echo "jar search, steady state (after ${SEARCH_SOAK}s of search load): rps=$rps p50=${p50}ms p99=${p99}ms requests=$req"
    put "$n" search_steady_rps "$rps"
    put "$n" search_steady_p50_ms "$p50"
    put "$n" search_steady_p99_ms "$p99"
    put "$n" search_soak_s "$SEARCH_SOAK"

    # ---- search quality (sequential, after the load)
    echo "-- search quality (queries.tsv against the jar)"
    cmd "python3 bench/search-quality.py $base $dir 5"
    if python3 "$HERE/search-quality.py" "$base" "$dir" 5 --json "$LOGS/quality-$n.json" | tee "$LOGS/quality-$n.log"; then
      put "$n" quality_json "$LOGS/quality-$n.json"
    else
      note "$n" "search quality run failed: see $LOGS/quality-$n.log"
    fi
  fi

  # ---- browsing (issue #12): the home and a category page, their sizes and throughput
  home="/pt/"
  category=$(dirname "/$page")
  browse_ok=1
  for p in "$home" "$category"; do
    code=$(status_of "$base$p")
    if [ "$code" != 200 ]; then browse_ok=0; note "$n" "the jar answered $code on $p: browsing figures n/a"; fi
  done
  if [ $browse_ok = 1 ]; then
    echo "-- browsing: $home and $category"
    put "$n" home_path "$home"
    put "$n" category_path "$category"
    cmd "curl -s -o /dev/null -w '%{size_download}' $base$home   # and with -H 'Accept-Encoding: gzip'; the same for $category"
    for kind in home category; do
      p=$home; [ "$kind" = category ] && p=$category
      put "$n" "${kind}_bytes" "$(curl -s -o /dev/null -w '%{size_download}' "$base$p")"
      put "$n" "${kind}_gzip_bytes" "$(curl -s -o /dev/null -w '%{size_download}' -H 'Accept-Encoding: gzip' "$base$p")"
      put "$n" "${kind}_links" "$(curl -s "$base$p" | grep -o '<a ' | wc -l)"
      wrk -t1 -c4 -d3s "$base$p" > /dev/null
    done
    cmd "wrk -t2 -c32 -d$WRK_DURATION --latency $base$home   # jar, home page"
    cmd "wrk -t2 -c32 -d$WRK_DURATION --latency $base$category   # jar, category page (first page)"
    h_rps=(); h_p50=(); h_p99=(); c_rps=(); c_p50=(); c_p99=()
    for r in $(seq 1 "$RUNS"); do
      for kind in home category; do
        p=$home; [ "$kind" = category ] && p=$category
        wrk -t2 -c32 -d"$WRK_DURATION" --latency "$base$p" > "$LOGS/wrk-jar-$kind-$n-$r.log"
        read -r rps p50 p99 non serr req < <(parse_wrk < "$LOGS/wrk-jar-$kind-$n-$r.log")
        echo "jar $kind run $r: rps=$rps p50=${p50}ms p99=${p99}ms requests=$req non2xx=$non socket_errors=$serr"
        if [ "$non" != 0 ] || [ "$serr" != none ]; then note "$n" "jar $kind run $r: $non non-2xx/3xx, socket errors: $serr"; fi
        if [ "$kind" = home ]; then h_rps+=("$rps"); h_p50+=("$p50"); h_p99+=("$p99")
        else c_rps+=("$rps"); c_p50+=("$p50"); c_p99+=("$p99"); fi
      done
    done
    put "$n" home_rps "$(median "${h_rps[@]}")"
    put "$n" home_p50_ms "$(median "${h_p50[@]}")"
    put "$n" home_p99_ms "$(median "${h_p99[@]}")"
    put "$n" home_rps_runs "$(IFS=,; echo "${h_rps[*]}")"
    put "$n" category_rps "$(median "${c_rps[@]}")"
    put "$n" category_p50_ms "$(median "${c_p50[@]}")"
    put "$n" category_p99_ms "$(median "${c_p99[@]}")"
    put "$n" category_rps_runs "$(IFS=,; echo "${c_rps[*]}")"
  fi

  # ---- peak RSS of the jar, after all of the above
  put "$n" jar_peak_rss_mb "$(rss_of "$JAR_PID" VmHWM)"
  put "$n" jar_rss_end_mb "$(rss_of "$JAR_PID" VmRSS)"
  jar_stop
  put "$n" data_mb "$(du -sm "$data" 2>/dev/null | cut -f1)"
  if [ "$KEEP_DATA" != 1 ]; then rm -rf "$edir" "$data"; fi

  # ---- optional: Pagefind in the same run
  if [ "$PAGEFIND" = 1 ]; then
    echo "-- pagefind (same run)"
    cmd "bash $(rel "$SB")/peers/pagefind.sh $dir $RUNS && node $(rel "$SB")/peers/pagefind-search.mjs $dir 5"
    bash "$SB/peers/pagefind.sh" "$dir" "$RUNS" | tee "$LOGS/pagefind-$n.log"
    node "$SB/peers/pagefind-search.mjs" "$dir" 5 | tee "$LOGS/pagefind-search-$n.log"
    put "$n" pagefind_log "$LOGS/pagefind-search-$n.log"
  fi
done

put - loadavg_end "$(cut -d' ' -f1-3 /proc/loadavg)"
# after the peer scripts had their chance to install hugo/nginx
put - tools "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); $(/usr/sbin/nginx -v 2>&1 || echo 'nginx: none'); $(command -v hugo >/dev/null && hugo version | cut -d' ' -f1-2 || echo 'hugo: none'); Python $(python3 --version 2>&1 | cut -d' ' -f2)"
python3 "$HERE/report.py" "$RES" "$CMDS" > "$OUT"
echo
echo "wrote $OUT (results: $RES, logs: $LOGS)"
