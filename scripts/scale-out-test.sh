#!/usr/bin/env bash
# Scale-out, proven: two replicas of the site behind nginx sharing one PostgreSQL, one
# replica killed under load.
#
# Usage: scripts/scale-out-test.sh          (run by .ci/run after `mvn verify`; ~30 s)
# Env:   KB_JAVA_OPTS=-Xmx256m   JVM options of each replica
#
# 1. Uses target/kb.jar (builds it with `mvn -q -DskipTests package` only when missing).
# 2. Starts a throwaway PostgreSQL cluster (Debian's postgresql: initdb and pg_ctl as the
#    postgres user, in a temp folder, on a free loopback port, trusting local user kb) with
#    one database, kb, then two replicas on free 127.0.0.1 ports with the shipped content/,
#    each with a data folder of its own and --database-url pointing at that one database,
#    and waits for 200 on /health from both.
# 3. Both replicas must send the same ETag for the same page (the home pages and
#    articles below): ETags derive from content, so any replica can answer a
#    client's If-None-Match.
# 4. Starts Debian's nginx with a private config in a mktemp folder: an upstream
#    of both replicas with passive failover (max_fails=1 fail_timeout=5s, retry
#    on the other replica on error/timeout/502/503/504), listening on 127.0.0.1.
# 5. Votes sent to each replica directly and through nginx must all land in the one
#    database, and one reader voting through replica 1 then replica 2 is one vote (the
#    replicas share the day's reader salt through the database).
# 6. wrk -t2 -c16 -d8s through nginx over the pages below; replica 1 gets SIGKILL
#    3 s in.  Every request must succeed: no non-2xx/3xx answer, no socket error,
#    no timeout.  Then nginx must still answer from replica 2 alone.
# Everything started here is stopped by its pid on exit (also on failure or
# Ctrl-C) and the temp folder removed.  Prints one summary line; exit 1 on failure.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
KB_JAVA_OPTS=${KB_JAVA_OPTS:--Xmx256m}
LOAD_SECONDS=8
KILL_AFTER=3
# pages compared across replicas (must carry equal ETags) ...
ETAG_PATHS=(/pt/ /en/ /pt/erros-de-conexao-caixa-de-entrada-calendario /en/inbox-calendar-connection-errors)
# ... and the load mix (adds a dynamic page, which need not carry an ETag)
LOAD_PATHS=("${ETAG_PATHS[@]}" "/en/admin-consent?tenant=contoso.com")

say() { echo "scale-out: $*"; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
for t in "$NGINX" wrk curl python3 java; do
  command -v "$t" >/dev/null 2>&1 || [ -x "$t" ] || {
    say "FAIL: $t is missing (apt-get install -y nginx wrk curl python3; .ci/run does this)"; exit 1; }
done
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/psql" ]; then
  say "FAIL: PostgreSQL is missing (apt-get install -y postgresql; .ci/run does this)"; exit 1
fi

if [ ! -f target/kb.jar ]; then
  say "target/kb.jar missing: mvn -q -DskipTests package"
  mvn -q -DskipTests package
fi

T=$(mktemp -d /tmp/kb-scale-out.XXXXXX)
PGT=$(mktemp -d /tmp/kb-scale-out-pg.XXXXXX)
R1=""; R2=""; NGINX_PID=""; PG_STARTED=""
as_postgres() {  # initdb and the server refuse to run as root
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# shellcheck disable=SC2317  # called from the EXIT trap
stop_pid() {  # TERM, then KILL after 10 s; only our own children
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill -QUIT "$NGINX_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$NGINX_PID" 2>/dev/null || break; sleep 0.1; done
    kill -TERM "$NGINX_PID" 2>/dev/null || true
  fi
  stop_pid "$R1"; stop_pid "$R2"
  if [ -n "$PG_STARTED" ]; then as_postgres "$PGBIN/pg_ctl" stop -w -m fast -D "$PGT/data" >/dev/null 2>&1 || true; fi
  rm -rf "$T" "$PGT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# four distinct free loopback ports
read -r P1 P2 PN PP < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(4)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in ss))')

# ---- one PostgreSQL for both replicas: a throwaway cluster, as a test would start it
if [ "$(id -u)" = 0 ]; then chown postgres: "$PGT"; fi
as_postgres "$PGBIN/initdb" -D "$PGT/data" -A trust -U kb -E UTF8 --locale=C --no-sync > "$PGT/initdb.log" 2>&1 \
  || { say "FAIL: initdb failed"; cat "$PGT/initdb.log"; exit 1; }
as_postgres "$PGBIN/pg_ctl" start -w -t 60 -D "$PGT/data" -l "$PGT/server.log" \
  -o "-p $PP -k $PGT -c listen_addresses=127.0.0.1 -c fsync=off" > /dev/null \
  || { say "FAIL: PostgreSQL did not start"; cat "$PGT/server.log"; exit 1; }
PG_STARTED=1
psql_kb() { "$PGBIN/psql" -X -q -t -A -h 127.0.0.1 -p "$PP" -U kb "$@"; }
psql_kb -d postgres -c 'CREATE DATABASE kb' || { say "FAIL: cannot create the database"; exit 1; }
DATABASE_URL="jdbc:postgresql://127.0.0.1:$PP/kb?user=kb"
say "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PP ($PGT)"

# ---- replicas: both publish the address readers use (nginx's), as a real deployment would;
# each writes its own data folder, and both write feedback and searches to the one database
BASE="http://127.0.0.1:$PN"
# shellcheck disable=SC2086  # KB_JAVA_OPTS is a list of options
java $KB_JAVA_OPTS -jar target/kb.jar --port "$P1" --content content --base-url "$BASE" --data "$T/data1" \
  --database-url "$DATABASE_URL" > "$T/replica1.log" 2>&1 &
R1=$!
# shellcheck disable=SC2086
java $KB_JAVA_OPTS -jar target/kb.jar --port "$P2" --content content --base-url "$BASE" --data "$T/data2" \
  --database-url "$DATABASE_URL" > "$T/replica2.log" 2>&1 &
R2=$!
for i in 1 2; do
  port_var=P$i; pid_var=R$i; port=${!port_var}; pid=${!pid_var}
  ok=0
  for _ in $(seq 1 600); do   # up to 60 s
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health" || true)" = 200 ] && { ok=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ $ok != 1 ]; then
    say "FAIL: replica $i (port $port) never answered 200 on /health; its log:"
    tail -20 "$T/replica$i.log"; exit 1
  fi
done
say "replicas up: 127.0.0.1:$P1 (pid $R1), 127.0.0.1:$P2 (pid $R2)"

failures=()

# ---- same ETag from both replicas
etag_of() {  # URL -> "STATUS ETAG" (ETAG empty when absent)
  local h status etag
  h=$(curl -s -D - -o /dev/null --max-time 5 "$1" || true)
  status=$(printf '%s\n' "$h" | awk 'NR==1 {print $2}')
  etag=$(printf '%s\n' "$h" | tr -d '\r' | awk 'tolower($1) == "etag:" { sub(/^[^:]*: */, ""); print; exit }')
  echo "${status:-000} $etag"
}
missing=(); differ=(); badstatus=()
for p in "${ETAG_PATHS[@]}"; do
  read -r s1 e1 <<< "$(etag_of "http://127.0.0.1:$P1$p")"
  read -r s2 e2 <<< "$(etag_of "http://127.0.0.1:$P2$p")"
  if [ "$s1" != 200 ] || [ "$s2" != 200 ]; then badstatus+=("$p ($s1/$s2)")
  elif [ -z "$e1" ] || [ -z "$e2" ]; then missing+=("$p (replica 1: ${e1:-none}, replica 2: ${e2:-none})")
  elif [ "$e1" != "$e2" ]; then differ+=("$p: $e1 vs $e2")
  else say "ETag $p: $e1 on both"; fi
done
[ ${#badstatus[@]} = 0 ] || failures+=("pages did not answer 200 on both replicas: ${badstatus[*]}")
[ ${#missing[@]} = 0 ] || failures+=("replicas do not send ETag: ${missing[*]}")
[ ${#differ[@]} = 0 ] || failures+=("replicas send different ETags: ${differ[*]}")
for f in "${failures[@]}"; do say "FAIL: $f"; done

# ---- nginx in front, passive failover
user_line=""
if [ "$(id -u)" = 0 ]; then user_line="user $(id -un) $(id -gn);"; fi   # workers need the temp dir
mkdir -p "$T/tmp"
cat > "$T/nginx.conf" <<EOF
# scripts/scale-out-test.sh: two replicas behind nginx (README, "Deployment")
$user_line
worker_processes 1;
pid $T/nginx.pid;
error_log $T/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $T/tmp/body;
  proxy_temp_path $T/tmp/proxy;
  fastcgi_temp_path $T/tmp/fastcgi;
  uwsgi_temp_path $T/tmp/uwsgi;
  scgi_temp_path $T/tmp/scgi;

  upstream kb {
    server 127.0.0.1:$P1 max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$P2 max_fails=1 fail_timeout=5s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$PN;
    location / {
      proxy_pass http://kb;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 1s;
      proxy_read_timeout 15s;
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 2;
    }
  }
}
EOF
"$NGINX" -p "$T" -e "$T/error.log" -c "$T/nginx.conf" -g 'daemon on;'
for _ in $(seq 1 50); do [ -s "$T/nginx.pid" ] && break; sleep 0.1; done
NGINX_PID=$(cat "$T/nginx.pid" 2>/dev/null || true)
[ -n "$NGINX_PID" ] || { say "FAIL: nginx did not start"; cat "$T/error.log"; exit 1; }
LB="http://127.0.0.1:$PN"
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$LB/health")" = 200 ] \
  || { say "FAIL: nginx on $LB does not reach the replicas"; cat "$T/error.log"; exit 1; }
say "nginx (pid $NGINX_PID) on $LB -> $P1, $P2"

# ---- votes on both replicas (and through nginx) land in the one database
ARTICLE_EN=/en/inbox-calendar-connection-errors
# A reader is an address and a browser: through nginx every vote comes from this machine's address
# (nginx appends what it saw to X-Forwarded-For), so each vote also names a browser of its own.
vote() {  # URL ADDRESS HELPFUL -> HTTP status
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST "$1/api/feedback" -H 'Content-Type: application/json' \
    -H "X-Forwarded-For: $2" -H "User-Agent: scale-out reader $2" -d "{\"lang\":\"en\",\"article\":\"$ARTICLE_EN\",\"helpful\":\"$3\"}" || echo 000
}
VOTES=0; bad_votes=()
for i in 1 2 3 4 5; do
  for target in "http://127.0.0.1:$P1" "http://127.0.0.1:$P2" "$LB"; do
    VOTES=$((VOTES + 1))
    c=$(vote "$target" "198.51.100.$VOTES" yes); [ "$c" = 201 ] || bad_votes+=("$target=$c")
  done
done
# one reader (one address, one browser) through replica 1, then through replica 2: still one vote
c=$(vote "http://127.0.0.1:$P1" 203.0.113.9 yes); [ "$c" = 201 ] || bad_votes+=("replica1=$c")
sleep 0.5
c=$(vote "http://127.0.0.1:$P2" 203.0.113.9 no); [ "$c" = 201 ] || bad_votes+=("replica2=$c")
VOTES=$((VOTES + 1))
[ ${#bad_votes[@]} = 0 ] || failures+=("votes refused: ${bad_votes[*]}")
landed=0; no_votes=0
for _ in $(seq 1 100); do   # up to 20 s: each replica's writer drains its queue in the background
  landed=$(psql_kb -d kb -c 'SELECT COUNT(*) FROM votes' 2>/dev/null || echo 0)
  no_votes=$(psql_kb -d kb -c 'SELECT COUNT(*) FROM votes WHERE helpful = 0' 2>/dev/null || echo 0)
  [ "$landed" = "$VOTES" ] && [ "$no_votes" = 1 ] && break
  sleep 0.2
done
if [ "$landed" = "$VOTES" ] && [ "$no_votes" = 1 ]; then
  say "votes: $VOTES in the one database from both replicas and nginx; one reader on both replicas is one vote"
else
  failures+=("the database holds $landed votes ($no_votes No) where $VOTES (1 No) were sent to both replicas")
fi

# ---- load through nginx; SIGKILL replica 1 in the middle
wrk -t2 -c16 -d${LOAD_SECONDS}s --timeout 5s -s scripts/scale-out.lua "$LB" -- "${LOAD_PATHS[@]}" > "$T/wrk.log" 2>&1 &
WRK=$!
sleep "$KILL_AFTER"
{ kill -KILL "$R1"; wait "$R1" || true; } 2>/dev/null   # (quiet: no "Killed" job notice)
R1=""
say "replica 1 killed (SIGKILL) ${KILL_AFTER} s into the load"
wait "$WRK" || { say "FAIL: wrk failed"; cat "$T/wrk.log"; exit 1; }

line=$(grep '^scaleout_wrk ' "$T/wrk.log" || true)
[ -n "$line" ] || { say "FAIL: no result line from wrk"; cat "$T/wrk.log"; exit 1; }
val() { sed -E "s/.* $1=([^ ]*).*/\1/" <<< "$line"; }
requests=$(val requests); failed=$(val failed_status); statuses=$(val statuses)
sockerr=$(( $(val connect) + $(val read) + $(val write) + $(val timeout) ))
upstream_errors=$(grep -c 'upstream' "$T/error.log" || true)
say "load: $requests requests, statuses $statuses, non-2xx/3xx $failed, socket errors/timeouts $sockerr ($(val connect) connect, $(val read) read, $(val write) write, $(val timeout) timeout); nginx logged $upstream_errors upstream errors and retried them"
if [ "$failed" != 0 ] || [ "$sockerr" != 0 ]; then
  failures+=("$failed failed answers and $sockerr socket errors/timeouts through nginx while a replica died")
  cut=$(grep -c 'while reading upstream,' "$T/error.log" || true)
  if [ "$cut" -gt 0 ]; then
    failures+=("$cut answers were cut off mid-body by the kill: nginx had already passed their headers on, so it could not retry them (a chunked page written in more than one piece): send pages with a Content-Length, in one write")
  fi
  grep -E 'requests in|Socket errors|Non-2xx' "$T/wrk.log" || true
fi
[ "$requests" -ge 50 ] || failures+=("only $requests requests went through nginx (expected at least 50)")
# nginx must have met the dead replica (and retried on the other): else the kill proved nothing
[ "$upstream_errors" -ge 1 ] || failures+=("nginx logged no upstream error after the kill: failover was not exercised")

# ---- replica 2 alone still serves everything through nginx
after_bad=()
for p in "${LOAD_PATHS[@]}"; do
  c=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$LB$p" || echo 000)
  [ "$c" = 200 ] || after_bad+=("$p=$c")
done
[ ${#after_bad[@]} = 0 ] || failures+=("after the kill, nginx answered: ${after_bad[*]}")

if [ ${#failures[@]} = 0 ]; then
  say "PASS: 2 replicas behind nginx sharing one PostgreSQL, ${#ETAG_PATHS[@]} pages with equal ETags, $VOTES votes landed in the one database, $requests requests in ${LOAD_SECONDS} s with replica 1 killed at ${KILL_AFTER} s, 0 failed"
  exit 0
fi
summary=$(printf '%s; ' "${failures[@]}")
say "FAIL: ${summary%; }"
exit 1
