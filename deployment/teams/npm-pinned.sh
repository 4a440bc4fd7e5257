# Sourced by fetch-schema.sh and fetch-teams-js.sh: downloads one npm package at a pinned version and checks
# the registry's integrity hash before anything in it is used. Needs npm, tar and node.

# npm_pinned_pack NAME PACKAGE VERSION INTEGRITY WORK_DIR
# Packs PACKAGE@VERSION into WORK_DIR and prints the .tgz path; exits 1 with a line naming NAME when a tool is
# missing or the integrity differs (a changed or tampered package is never unpacked).
npm_pinned_pack() {
  local name="$1" package="$2" version="$3" expected="$4" work="$5" tool filename integrity
  for tool in npm node tar; do
    command -v "$tool" >/dev/null || { echo "$name: '$tool' is required" >&2; exit 1; }
  done
  (cd "$work" && npm pack "$package@$version" --json --silent >pack.json)
  read -r filename integrity < <(node -e '
    const [info] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(info.filename, info.integrity);' "$work/pack.json")
  if [[ "$integrity" != "$expected" ]]; then
    echo "$name: $package@$version has integrity $integrity, expected $expected" >&2
    exit 1
  fi
  echo "$work/$filename"
}
