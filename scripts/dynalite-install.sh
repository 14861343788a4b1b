#!/usr/bin/env bash
# Installs dynalite (the local stack's DynamoDB) into local/dynalite/node_modules, from its committed
# package-lock.json, once (scripts/npm-install.sh). Called by ./widgets and, when the folder is
# missing, by the local stack itself (tests, `./mvnw verify`).
set -euo pipefail
scripts=$(dirname "${BASH_SOURCE[0]}")
exec bash "$scripts/npm-install.sh" "$scripts/../local/dynalite" "the local DynamoDB (dynalite)"
