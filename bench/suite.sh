#!/usr/bin/env bash
# The side-by-side benchmark of every shape (issue 7; docs/benchmarks.md): monolith, monolith with
# payment extracted, the split system behind the gateway and behind NGINX, each started from scratch
# per repetition, measured with the same scenarios. Results, summary and plots in bench/results/suite-*.
#
#   bench/suite.sh            full run: 3 repetitions, 60 s warm-up, 12 s windows (about 75 minutes)
#   bench/suite.sh --quick    smoke run: 1 repetition, short windows (about 10 minutes); figures not for docs
#   further options: --shapes monolith,extract-payment,split-gateway,split-nginx  --reps N  --warmup 60s
#                    --settle 3s  --window 12s  --customers 64  --concurrency 16  --products 50
#                    --scenarios search,product-page,login,checkout,mixed  --rated search,checkout,mixed  --out DIR
#                    --require-success (exit 1 if any iteration failed; CI's smoke run)
#                    --roofline off (skip the monolith's roofline: pgbench running one checkout's
#                    statements, bench/roofline/checkout.sql, on the monolith's database server)
#                    --profile SCENARIO (JFR on every server during that scenario's saturation window:
#                    a flame graph per server and a breakdown by library in summary.md; the profiled
#                    window's figures carry JFR's overhead)
#
# Needs nothing running on ports 9080-9084, 9180 and 15432; NGINX for split-nginx (installed with
# apt-get as nginx-light when missing and this runs as root); pgbench for the roofline (installed with
# apt-get as postgresql-client likewise).
set -euo pipefail
cd "$(dirname "$0")/.."
# A fresh machine may have no package lists yet: install, else refresh the lists and install.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$1" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "$1" >/dev/null; }
}
if [[ " $* " == *" --shapes "* && " $* " != *split-nginx* ]]; then :; elif ! command -v nginx >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt_install nginx-light;
  else echo "needs nginx (apt-get install nginx-light), or --shapes without split-nginx"; exit 1; fi
fi
if [[ " $* " == *" --roofline off "* ]] || [[ " $* " == *" --shapes "* && " $* " != *"monolith"[,\ ]* ]]; then :;
elif ! command -v pgbench >/dev/null && ! ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt_install postgresql-client;
  else echo "needs pgbench for the roofline (apt-get install postgresql-client), or --roofline off"; exit 1; fi
fi
# The split build makes every server the suite starts (monolith, services, gateway, extract-payment):
# offline first (quiet: on a fresh machine it fails for a missing plugin), else online.
./mvnw -q -o -Psplit install -DskipTests >/dev/null 2>&1 || ./mvnw -q -Psplit install -DskipTests
exec ./mvnw -q org.codehaus.mojo:exec-maven-plugin:java -pl tools/cleave-bench -Dbench.main=dev.cleave.bench.Suite -Dexec.args="$*"
