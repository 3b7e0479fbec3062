#!/usr/bin/env bash
# How fast saga recovery drains a backlog of unfinished checkouts (issue 15, item 6; docs/benchmarks.md,
# "Recovery of a backlog"). Starts its own systems, twice per measurement: once to build the backlog
# (the test-only hook CLEAVE_ORDER_FAULT_STOP_AFTER leaves each checkout at STOCK_RESERVED), once to
# let recovery drain it with CLEAVE_ORDER_RECOVERY_CONCURRENCY drives at once.
#
#   bench/recovery.sh                         monolith, 2,000 orders, concurrency 1 and 8 (about 6 minutes)
#   options: --shapes monolith,split  --concurrency 1,4,8  --orders 2000  --clients 16  --out DIR
#
# Needs nothing running on ports 9080-9084 and 15432. Results in bench/results/recovery-<UTC time>/.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o -Psplit install -DskipTests >/dev/null 2>&1 || ./mvnw -q -Psplit install -DskipTests
exec ./mvnw -q org.codehaus.mojo:exec-maven-plugin:java -pl tools/cleave-bench -Dbench.main=dev.cleave.bench.RecoveryBench \
  -Dexec.args="$*"
