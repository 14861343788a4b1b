#!/usr/bin/env bash
# Installs cfn-guard and AWS's Control Tower rules (the npm package @cdklabs/cdk-validator-cfnguard,
# which ships both) into infra/cfnguard/node_modules, from its committed package-lock.json, once
# (scripts/npm-install.sh). Called by the infra tests (ControlTowerTest) when the folder is missing.
set -euo pipefail
scripts=$(dirname "${BASH_SOURCE[0]}")
exec bash "$scripts/npm-install.sh" "$scripts/../infra/cfnguard" \
  "cfn-guard and the Control Tower rules (infra tests)"
