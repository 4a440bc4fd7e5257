#!/usr/bin/env bash
# Puts Microsoft's Teams JavaScript library (npm package @microsoft/teams-js) where the bot serves it to the
# overview tab (GET /teams-js/MicrosoftTeams.min.js, see progress.TeamsJsResources), so that tests and the
# running bot never download anything. The library is not committed.
#
#   deployment/teams/fetch-teams-js.sh [TARGET_DIR]
#
# TARGET_DIR defaults to target/teams-js (the bot's default vagvisaren.teams-js.dir, relative to the working
# directory). The package version and its registry integrity hash are pinned below; a folder that already
# holds this version is reused. Prints the library's path on success. Needs npm, tar and node.
set -euo pipefail
# shellcheck source=npm-pinned.sh
source "$(dirname "${BASH_SOURCE[0]}")/npm-pinned.sh"

readonly PACKAGE="@microsoft/teams-js"
readonly VERSION="2.58.0"
readonly INTEGRITY="sha512-g4M1pWqdOgH4V3YjppuMzuYFcFnNk92/C0RlebTlxRIzKW0q/4QWYFBoRHt4xbDFRwHOedHueDz+I0ecpM/GaA=="
readonly FILE="MicrosoftTeams.min.js"

target="${1:-target/teams-js}"
stamp="$target/VERSION"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$VERSION" && -f "$target/$FILE" ]]; then
  echo "$target/$FILE"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tgz="$(npm_pinned_pack fetch-teams-js.sh "$PACKAGE" "$VERSION" "$INTEGRITY" "$work")"

tar -xzf "$tgz" -C "$work" "package/dist/umd/$FILE" 2>/dev/null \
  || tar -xzf "$tgz" -C "$work" "package/dist/$FILE"
source_file="$(find "$work/package/dist" -name "$FILE" | head -n 1)"
[[ -n "$source_file" ]] || { echo "fetch-teams-js.sh: $FILE not found in $PACKAGE@$VERSION" >&2; exit 1; }
mkdir -p "$target"
cp "$source_file" "$target/$FILE"
echo "$VERSION" >"$stamp"
echo "$target/$FILE"
