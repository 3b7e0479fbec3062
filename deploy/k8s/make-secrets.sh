#!/usr/bin/env bash
# The Secrets every shape of deploy/k8s needs, as YAML on stdout: apply them with
#   deploy/k8s/make-secrets.sh | kubectl apply -n cleave -f -
# Nothing here is committed and nothing is printed to the terminal but the manifests themselves.
#
# Keys and passwords are made once, in a folder outside the repository (--keys DIR, default
# ~/.config/cleave/k8s, mode 700), and read from there on every later run, so moving from one shape
# to another on a cluster keeps the same keys: tokens stay valid and the databases' passwords hold.
# One set serves every shape (docs/kubernetes.md, "Secrets"):
#   cleave-token-keys              verify.pem (the user key and every service key, public halves) and
#                                  service-keys.pem (the service keys'): every server verifies with them
#   cleave-user-signing-key        the user module's signing key (the deployable holding user only)
#   cleave-service-key-<server>    the signing key of each server that calls other services (ADR 9)
#   cleave-db-<database>           the password of each database's role cleave
#   cleave-admin                   the first administrator, only when CLEAVE_ADMIN_EMAIL and
#                                  CLEAVE_ADMIN_PASSWORD are set (read from the environment, never argv)
#   cleave-tls                     the Ingress's certificate: --tls-cert FILE --tls-key FILE, or else a
#                                  self-signed one for --host (default shop.cleave.test), for trials only
# K8sSecretsTest runs this script and checks its output against what every overlay references.
set -euo pipefail

keys="${HOME}/.config/cleave/k8s"
host="shop.cleave.test"
tls_cert=""
tls_key=""
usage() {
  sed -n '2,22p' "$0" >&2
  echo "usage: $0 [--keys DIR] [--host NAME] [--tls-cert FILE --tls-key FILE]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys="${2:?--keys needs a folder}"; shift 2 ;;
    --host) host="${2:?--host needs a name}"; shift 2 ;;
    --tls-cert) tls_cert="${2:?--tls-cert needs a file}"; shift 2 ;;
    --tls-key) tls_key="${2:?--tls-key needs a file}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
if { [ -n "$tls_cert" ] && [ -z "$tls_key" ]; } || { [ -z "$tls_cert" ] && [ -n "$tls_key" ]; }; then
  echo "--tls-cert and --tls-key go together" >&2
  exit 2
fi
for tool in openssl kubectl; do
  command -v "$tool" > /dev/null || { echo "$0 needs $tool" >&2; exit 1; }
done

# The servers that call other services, and the databases, of every shape (Topology; the test
# fails if an overlay references a Secret this list does not make).
callers=(order-service monolith-extract-payment monolith-extract-product)
databases=(cleave cleave-user cleave-product cleave-order cleave-payment)

umask 077
mkdir -p "$keys"
chmod 700 "$keys"

# A key pair (PKCS #8 private, X.509 public), made only if absent.
pair() {
  local dir="$keys/$1"
  mkdir -p "$dir"
  if [ ! -s "$dir/private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2> /dev/null
  fi
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
}
# A random password, made only if absent.
password() {
  local file="$keys/db/$1"
  mkdir -p "$keys/db"
  if [ ! -s "$file" ]; then
    openssl rand -base64 33 | tr -d '\n/+=' > "$file"
  fi
}
secret() {
  echo "---"
  kubectl create secret "$@" --dry-run=client -o yaml
}

pair user
for caller in "${callers[@]}"; do pair "service/$caller"; done
for database in "${databases[@]}"; do password "$database"; done

cat "$keys/user/public.pem" > "$keys/verify.pem"
: > "$keys/service-keys.pem"
for caller in "${callers[@]}"; do
  cat "$keys/service/$caller/public.pem" >> "$keys/verify.pem"
  cat "$keys/service/$caller/public.pem" >> "$keys/service-keys.pem"
done

secret generic cleave-token-keys \
  --from-file=verify.pem="$keys/verify.pem" --from-file=service-keys.pem="$keys/service-keys.pem"
secret generic cleave-user-signing-key --from-file=private.pem="$keys/user/private.pem"
for caller in "${callers[@]}"; do
  secret generic "cleave-service-key-$caller" --from-file=private.pem="$keys/service/$caller/private.pem"
done
for database in "${databases[@]}"; do
  secret generic "cleave-db-$database" --from-file=password="$keys/db/$database"
done
if [ -n "${CLEAVE_ADMIN_EMAIL:-}" ] && [ -n "${CLEAVE_ADMIN_PASSWORD:-}" ]; then
  printf '%s' "$CLEAVE_ADMIN_EMAIL" > "$keys/admin-email"
  printf '%s' "$CLEAVE_ADMIN_PASSWORD" > "$keys/admin-password"
  secret generic cleave-admin --from-file=email="$keys/admin-email" --from-file=password="$keys/admin-password"
  rm -f "$keys/admin-email" "$keys/admin-password"
fi
if [ -z "$tls_cert" ]; then
  if [ ! -s "$keys/tls/$host.crt" ]; then
    mkdir -p "$keys/tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$host" \
      -addext "subjectAltName=DNS:$host" \
      -keyout "$keys/tls/$host.key" -out "$keys/tls/$host.crt" 2> /dev/null
  fi
  tls_cert="$keys/tls/$host.crt"
  tls_key="$keys/tls/$host.key"
fi
secret tls cleave-tls --cert="$tls_cert" --key="$tls_key"
