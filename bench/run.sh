#!/usr/bin/env bash
# Builds the server (Release, without the npm web client, which the benchmark does not need) and runs the
# benchmark against it. Arguments go to the benchmark, e.g.  bench/run.sh --events 50000 --batch 200 --concurrency 4
# For the boards scenario it starts a private redis-server on a free loopback port (installing Debian's package when
# missing), without persistence, and stops it at the end; `bench/run.sh --only boards` runs that scenario alone.
# `bench/run.sh --only fanout` runs the live fan-out scenario alone (SignalR clients watching boards; no Redis).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Help needs no build and no Redis.
for arg in "$@"; do
  case "$arg" in -h|--help) exec dotnet run -c Release --project bench/GamifyHub.Bench -- --help ;; esac
done

events=1
boards=1
prev=""
for arg in "$@"; do
  if [ "$prev" = "--only" ]; then
    [ "$arg" = "boards" ] && events=0
    [ "$arg" = "events" ] && boards=0
    [ "$arg" = "analytics" ] && boards=0
    [ "$arg" = "fanout" ] && boards=0
  fi
  [ "$arg" = "--redis" ] && boards=0 # the caller brings a Redis of their own
  # Scenarios that never touch the boards need no Redis.
  case "$arg" in --rescore-only|--inbox-only|--import-only) boards=0 ;; esac
  prev="$arg"
done

redis_pid=""
redis_dir=""
stop_redis() {
  if [ -n "$redis_pid" ]; then
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
  fi
  if [ -n "$redis_dir" ]; then
    rm -rf "$redis_dir"
  fi
}
trap stop_redis EXIT

# Prints the reason and returns non-zero when Redis cannot be had; the benchmark then skips its Redis side.
start_redis() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    echo "Installing Debian's redis-server for the boards benchmark…"
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    if ! { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq redis-server >/dev/null; }; then
      echo "boards: could not install redis-server"
      return 1
    fi
  fi

  redis_dir="$(mktemp -d -t gamifyhub-bench-redis.XXXXXX)"
  local attempt port
  for attempt in 1 2 3 4 5; do
    # A free port from the kernel; another process may take it before redis binds, hence the retries.
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    redis-server --bind 127.0.0.1 --port "$port" --protected-mode yes --save '' --appendonly no \
      --dir "$redis_dir" --logfile "$redis_dir/redis.log" --daemonize no &
    redis_pid=$!
    local i
    for i in $(seq 1 50); do
      if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
        export GAMIFYHUB_BENCH_REDIS="127.0.0.1:$port"
        echo "boards: private redis-server (pid $redis_pid) on 127.0.0.1:$port, no persistence, files in $redis_dir"
        return 0
      fi
      kill -0 "$redis_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
    redis_pid=""
  done
  echo "boards: redis-server did not start ($(tail -n 3 "$redis_dir/redis.log" 2>/dev/null | tr '\n' ' '))"
  return 1
}

if [ "$boards" -eq 1 ]; then
  start_redis || echo "boards: the Redis side will be skipped; the rest of the benchmark still runs"
fi

if [ "$events" -eq 1 ]; then
  dotnet build -c Release src/GamifyHub.Server -p:BuildWebClient=false -nologo -v:q
fi
# Not exec: the trap must stop redis-server when the benchmark ends.
dotnet run -c Release --project bench/GamifyHub.Bench -- "$@"
