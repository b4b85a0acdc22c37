#!/usr/bin/env bash
# Migrata benchmark kit. Usage (after `mvn install` at the root):
#   bench/run.sh                 # everything (processor + runtime), ~10-15 min on 2 cores
#   bench/run.sh processor       # javac with/without the processor, N = 100..2000
#   bench/run.sh runtime         # startup / apply against SQLite, N = 100, 1000, 5000
#   bench/run.sh profile 2000 wide   # one sampled processor compile
#   bench/run.sh startup         # no-op startup vs the floor, Migrata/Flyway/Liquibase, fresh JVMs
#   bench/run.sh fleet           # 1,000 PostgreSQL schemas: Migrata fleet vs the floor vs a Flyway loop
#   bench/run.sh widereplay      # core replay of one model growing to N/2 fields, CPU per op
#   bench/run.sh largetable      # SQLite rebuild / PostgreSQL AddField on 1,000,000 rows vs hand SQL
#   bench/run.sh freshapply      # N = 1,000 migrations on empty databases: Migrata/Flyway/Liquibase
#   bench/run.sh issue16         # issue 16 in one run: startup N = 1,000 + 10,000, fresh apply,
#                                # then `processor`, `procfloor`, `widereplay` and `largetable`
#   bench/run.sh procfloor       # javac: -proc:none vs a do-nothing processor vs Migrata, full + IDE partial
#                                # (partial: each processor cold, a fresh class loader per compile, and warm;
#                                #  and in a fresh JVM per compile, as `mvn compile` runs javac)
#   JAVA_OPTS="-Dbench.pathA=<jars> -Dbench.pathB=<jars>" bench/run.sh procab
#                                # two processor builds, full compiles alternated in one JVM (paired)
# Tunables (env JAVA_OPTS): -Dbench.reps=5 -Dbench.procNs=100,500,1000,2000
#   -Dbench.rtNs=100,1000,5000 -Dbench.shapes=wide,narrow -Dbench.dir=/tmp/x
# Results go to stdout (markdown) and bench/target/results-<command>.md; raw samples to stderr.
set -euo pipefail
cd "$(dirname "$0")"
# Offline first (the installed Migrata snapshot is in ~/.m2), online as a fallback.
mvn -q -o package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests \
  || mvn -q package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipTests
java -Xms1g -Xmx1g ${JAVA_OPTS:-} -cp "target/classes:$(cat target/classpath.txt)" \
  dev.migrata.bench.Bench "$@" | tee "target/results-${1:-all}.md"
