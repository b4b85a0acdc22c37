#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on 127.0.0.1, for Migrata's cluster tests.
#
#   scripts/galera-cluster.sh up      start n1 (bootstrap), then n2 and n3 (rsync SST), wait for Synced
#   scripts/galera-cluster.sh down    stop what `up` started (nodes without a socket are skipped)
#   scripts/galera-cluster.sh status  one line per node: its SQL port and wsrep state
#   scripts/galera-cluster.sh kill N  SIGKILL node N (the tests use this for a node failure)
#   scripts/galera-cluster.sh start N start node N again and wait until it has rejoined (Synced)
#
# Node N (1..3) listens for SQL on 127.0.0.1:331N (socket $DIR/nN.sock), gcomm on 457N, IST on 456N
# and rsync SST on 458N. Everything lives under $MIGRATA_GALERA_DIR (default /tmp/migrata-galera);
# it never touches the server on 3306. The facts behind the choices below (user=mysql, first
# --defaults-file, gmcast.listen_addr, one joiner at a time) are in ../shared/reference/galera-local.md.
set -euo pipefail

DIR="${MIGRATA_GALERA_DIR:-/tmp/migrata-galera}"
PROVIDER="${MIGRATA_GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}"
NODES=(1 2 3)

cnf() {
  local n=$1
  cat >"$DIR/n$n.cnf" <<CNF
[mariadbd]
user=mysql
datadir=$DIR/n$n
socket=$DIR/n$n.sock
pid-file=$DIR/n$n.pid
log-error=$DIR/n$n.err
port=331$n
bind-address=127.0.0.1
skip-name-resolve
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=migrata_test
wsrep_node_name=n$n
wsrep_node_address=127.0.0.1:457$n
wsrep_cluster_address=gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:457$n;ist.recv_addr=127.0.0.1:456$n;gcache.size=32M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:458$n
CNF
}

sql() {
  local n=$1
  shift
  mariadb --no-defaults -S "$DIR/n$n.sock" -uroot -N -B -e "$*"
}

state() {
  sql "$1" "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}'
}

wait_synced() {
  local n=$1
  for _ in $(seq 1 120); do
    if [ "$(state "$n")" = "Synced" ]; then return 0; fi
    if [ -f "$DIR/n$n.pid" ] || [ -S "$DIR/n$n.sock" ] || pgrep -f "$DIR/n$n.cnf" >/dev/null; then
      sleep 0.5
    else
      echo "node $n exited; its log:" >&2
      tail -n 30 "$DIR/n$n.err" >&2 || true
      return 1
    fi
  done
  echo "node $n did not reach Synced; its log:" >&2
  tail -n 30 "$DIR/n$n.err" >&2 || true
  return 1
}

start_node() {
  local n=$1
  shift
  # setsid + background: the server must outlive this script; never `wait` on it.
  setsid /usr/sbin/mariadbd --defaults-file="$DIR/n$n.cnf" "$@" </dev/null >>"$DIR/n$n.out" 2>&1 &
}

up() {
  if [ "$(state 1 || true)" = "Synced" ]; then
    echo "Galera cluster already up under $DIR"
    return 0
  fi
  # Another cluster (another MIGRATA_GALERA_DIR) on the same ports: use it rather than fail on
  # "Address already in use".
  if [ "$(mariadb --no-defaults -h 127.0.0.1 -P 3311 -uroot -N -B -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}')" = "Synced" ]; then
    echo "A Galera node already listens on 127.0.0.1:3311 (not started from $DIR): using it"
    return 0
  fi
  down >/dev/null 2>&1 || true
  rm -rf "$DIR"
  mkdir -p "$DIR"
  for n in "${NODES[@]}"; do cnf "$n"; mkdir -p "$DIR/n$n"; chmod 0700 "$DIR/n$n"; done
  mariadb-install-db --no-defaults --user=mysql --datadir="$DIR/n1" --auth-root-authentication-method=normal \
    --skip-test-db >"$DIR/install.log" 2>&1
  chown -R mysql:mysql "$DIR"
  start_node 1 --wsrep-new-cluster
  wait_synced 1
  # Clients connect over TCP as root with no password, as to the 3306 server.
  sql 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY ''; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; CREATE DATABASE IF NOT EXISTS test"
  # A donor serves one state transfer at a time: join the others one by one.
  for n in 2 3; do
    start_node "$n"
    wait_synced "$n"
  done
  echo "Galera cluster up: 127.0.0.1:3311, 127.0.0.1:3312, 127.0.0.1:3313 (size $(sql 1 "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}'))"
}

down() {
  for n in 3 2 1; do
    if [ -S "$DIR/n$n.sock" ]; then
      mariadb-admin --no-defaults -S "$DIR/n$n.sock" -uroot shutdown 2>/dev/null || true
    fi
  done
  # Whatever did not stop (a node killed mid-shutdown, a half-started joiner).
  pkill -KILL -f "mariadbd --defaults-file=$DIR/" 2>/dev/null || true
  pkill -f "rsync --daemon .*$DIR" 2>/dev/null || true
  echo "Galera cluster down"
}

status() {
  for n in "${NODES[@]}"; do
    echo "n$n 127.0.0.1:331$n $(state "$n" || echo down)"
  done
}

kill_node() {
  local n=$1
  local pid
  pid=$(cat "$DIR/n$n.pid" 2>/dev/null || pgrep -f "mariadbd --defaults-file=$DIR/n$n.cnf" || true)
  if [ -n "$pid" ]; then kill -KILL "$pid"; fi
  rm -f "$DIR/n$n.sock"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill) kill_node "${2:?node number}" ;;
  start) start_node "${2:?node number}"; wait_synced "$2" ;;
  *) echo "usage: $0 up|down|status|kill N|start N" >&2; exit 2 ;;
esac
