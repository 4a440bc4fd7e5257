#!/usr/bin/env bash
# Puts Microsoft's Teams app manifest JSON schemas (npm package @microsoft/app-manifest) into a cache
# folder, so that ManifestSchemaTest can validate manifest.json without any download at test time.
#
#   deployment/teams/fetch-schema.sh [CACHE_DIR]
#
# CACHE_DIR defaults to $VAGVISAREN_TEAMS_SCHEMA_CACHE, else ~/.cache/vagvisaren/teams-app-manifest
# (outside target/, so `mvn clean` keeps it). The schemas land in CACHE_DIR/json-schemas/teams/v1.xx/.
# The package version and its registry integrity hash are pinned below; a cache that already holds
# this version is reused. Prints the schema folder on success. Needs npm, tar and node.
set -euo pipefail
# shellcheck source=npm-pinned.sh
source "$(dirname "${BASH_SOURCE[0]}")/npm-pinned.sh"

readonly PACKAGE="@microsoft/app-manifest"
readonly VERSION="1.1.2"
readonly INTEGRITY="sha512-uXdmYzhIcchi3Tc9Sh3pTDMe55zy7ge19bnYCGB1gzuyha85Ii7wfdTruwEhqseaX9pwsWDRB5Ot/ltv0rCONw=="

cache="${1:-${VAGVISAREN_TEAMS_SCHEMA_CACHE:-$HOME/.cache/vagvisaren/teams-app-manifest}}"
stamp="$cache/VERSION"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$VERSION" && -d "$cache/json-schemas/teams" ]]; then
  echo "$cache/json-schemas/teams"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tgz="$(npm_pinned_pack fetch-schema.sh "$PACKAGE" "$VERSION" "$INTEGRITY" "$work")"

tar -xzf "$tgz" -C "$work" package/build/json-schemas
rm -rf "$cache/json-schemas"
mkdir -p "$cache"
cp -R "$work/package/build/json-schemas" "$cache/json-schemas"
echo "$VERSION" >"$stamp"
echo "$cache/json-schemas/teams"
