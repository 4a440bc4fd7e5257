#!/usr/bin/env bash
# Builds the Teams app package (a zip with manifest.json, en.json, color.png, outline.png) for one
# installation, filling in the bot's Microsoft App ID and the public URLs.
#
#   MicrosoftAppId=<guid> VAGVISAREN_PUBLIC_URL=https://bot.kommun.se \
#     deployment/teams/build-app-package.sh [OUTPUT_ZIP]
#
# Required environment:
#   MicrosoftAppId            the Entra app registration (client) id of the Azure Bot, a GUID
#   VAGVISAREN_PUBLIC_URL     https URL where the bot is reachable (messaging endpoint is <url>/api/messages)
# Optional environment:
#   VAGVISAREN_PRIVACY_URL    privacy notice (default <public url>/privacy); usually the municipality's own page
#   VAGVISAREN_TERMS_URL      terms of use (default <public url>/terms)
#   VAGVISAREN_TEAMS_APP_ID   Teams app id, a GUID (default: the id in manifest.json)
#   VAGVISAREN_APP_VERSION    app version x.y.z (default: the version in manifest.json); raise it for every
#                             new upload, Teams only updates an installed app when the version grows
# OUTPUT_ZIP defaults to target/teams-app/vagvisaren-teams.zip. Exits non-zero with one line naming the
# bad setting. Uses sed and zip (or the JDK's jar when zip is missing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-target/teams-app/vagvisaren-teams.zip}"

# Placeholders in the committed manifest.json; each URL must occur exactly once, the botId once for the bot
# and once for the message extension ("Sök i handboken"), which the same bot answers.
readonly BOT_ID_PLACEHOLDER='"botId": "00000000-0000-0000-0000-000000000000"'
readonly BASE_URL_PLACEHOLDER='https://vagvisaren.example.org'
# The overview tab's page (personal tab content and channel tab configuration) and the host in validDomains.
readonly TAB_URL_PLACEHOLDER="$BASE_URL_PLACEHOLDER/overview/config"
readonly HOST_PLACEHOLDER='vagvisaren.example.org'

fail() { echo "build-app-package.sh: $*" >&2; exit 2; }

guid_re='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
# Plain https URLs only: no query, fragment, quotes or shell/sed metacharacters (percent-encode the rest).
url_re='^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%/-]*)?$'
version_re='^[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}$'

app_id="${MicrosoftAppId:-}"
public_url="${VAGVISAREN_PUBLIC_URL:-}"
public_url="${public_url%/}"

[[ -n "$app_id" ]] || fail "MicrosoftAppId is not set (the Azure Bot's app registration id)"
[[ "$app_id" =~ $guid_re ]] || fail "MicrosoftAppId must be a GUID like 12345678-abcd-4abc-8abc-123456789abc"
[[ "$app_id" != "00000000-0000-0000-0000-000000000000" ]] || fail "MicrosoftAppId is the all-zero placeholder"
[[ -n "$public_url" ]] || fail "VAGVISAREN_PUBLIC_URL is not set (https URL where the bot is reachable)"
[[ "$public_url" =~ $url_re ]] || fail "VAGVISAREN_PUBLIC_URL must be a plain https URL without query, like https://bot.kommun.se"

privacy_url="${VAGVISAREN_PRIVACY_URL:-$public_url/privacy}"
terms_url="${VAGVISAREN_TERMS_URL:-$public_url/terms}"
[[ "$privacy_url" =~ $url_re ]] || fail "VAGVISAREN_PRIVACY_URL must be a plain https URL without query"
for url in "$public_url" "$privacy_url" "$terms_url"; do
  (( ${#url} <= 2000 )) || fail "a URL is longer than the 2000 characters the Teams schema leaves room for"
done
[[ "$terms_url" =~ $url_re ]] || fail "VAGVISAREN_TERMS_URL must be a plain https URL without query"

# validDomains takes the bare host, without scheme, port or path.
public_host="${public_url#https://}"
public_host="${public_host%%/*}"
public_host="${public_host%%:*}"

manifest="$here/manifest.json"
template_app_id="$(sed -n 's/^  "id": "\([0-9a-fA-F-]*\)",$/\1/p' "$manifest")"
template_version="$(sed -n 's/^  "version": "\([0-9.]*\)",$/\1/p' "$manifest")"
teams_app_id="${VAGVISAREN_TEAMS_APP_ID:-$template_app_id}"
version="${VAGVISAREN_APP_VERSION:-$template_version}"
[[ "$teams_app_id" =~ $guid_re ]] || fail "VAGVISAREN_TEAMS_APP_ID must be a GUID"
[[ "$version" =~ $version_re ]] || fail "VAGVISAREN_APP_VERSION must look like 1.2.3"

count() { grep -cF -- "$1" "$manifest" || true; }
[[ "$(count "$BOT_ID_PLACEHOLDER")" == 2 ]] || fail "manifest.json no longer holds the botId placeholder for the bot and the message extension"
[[ "$(count "\"$BASE_URL_PLACEHOLDER/privacy\"")" == 1 ]] || fail "manifest.json no longer holds the privacy URL placeholder"
[[ "$(count "\"$BASE_URL_PLACEHOLDER/terms\"")" == 1 ]] || fail "manifest.json no longer holds the terms URL placeholder"
[[ "$(count "\"$BASE_URL_PLACEHOLDER\"")" == 1 ]] || fail "manifest.json no longer holds the website URL placeholder"
[[ "$(count "\"$TAB_URL_PLACEHOLDER\"")" == 2 ]] || fail "manifest.json no longer holds the overview tab URL placeholder for the personal and the channel tab"
[[ "$(count "\"$HOST_PLACEHOLDER\"")" == 1 ]] || fail "manifest.json no longer holds the validDomains host placeholder"
[[ -n "$template_app_id" && -n "$template_version" ]] || fail "manifest.json no longer has a top-level id and version"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Values were validated above, so none holds '|', '&', '\' or quotes that sed or JSON would misread.
sed -e "s|\"botId\": \"00000000-0000-0000-0000-000000000000\"|\"botId\": \"$app_id\"|" \
    -e "s|\"$BASE_URL_PLACEHOLDER/privacy\"|\"$privacy_url\"|" \
    -e "s|\"$BASE_URL_PLACEHOLDER/terms\"|\"$terms_url\"|" \
    -e "s|\"$BASE_URL_PLACEHOLDER\"|\"$public_url\"|" \
    -e "s|\"$TAB_URL_PLACEHOLDER\"|\"$public_url/overview/config\"|g" \
    -e "s|\"$HOST_PLACEHOLDER\"|\"$public_host\"|" \
    -e "s|^  \"id\": \"$template_app_id\",\$|  \"id\": \"$teams_app_id\",|" \
    -e "s|^  \"version\": \"$template_version\",\$|  \"version\": \"$version\",|" \
    "$manifest" >"$work/manifest.json"

if grep -qF -e "$HOST_PLACEHOLDER" -e "00000000-0000-0000-0000-000000000000" "$work/manifest.json"; then
  fail "a placeholder is still in the filled manifest"
fi

cp "$here/en.json" "$here/color.png" "$here/outline.png" "$work/"

mkdir -p "$(dirname "$out")"
out_abs="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out_abs"
# Teams wants the four files at the root of the zip, with no folder around them.
if command -v zip >/dev/null; then
  (cd "$work" && zip -q -X "$out_abs" manifest.json en.json color.png outline.png)
else
  (cd "$work" && jar --create --no-manifest --file "$out_abs" manifest.json en.json color.png outline.png)
fi
echo "$out_abs"
