#!/usr/bin/env bash
# Installs the servers the tests start on loopback (Debian packages), when they are missing.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && id postgres >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "servers: PostgreSQL is missing: run 'sudo apt-get install postgresql'" >&2
  exit 1
fi
echo "servers: installing PostgreSQL from Debian packages"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
