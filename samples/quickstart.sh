#!/usr/bin/env bash
# The quick start: autogenerate a revision for the Blog sample model, apply it to a new SQLite database, and
# check that model and database agree. Runs in a scratch directory; the repository is left untouched.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"

# DIFFMIGRATE_TOOL names an installed diffmigrate command (as .ci/run does after `dotnet tool install`); without it
# the tool is built from this clone.
if [ -n "${DIFFMIGRATE_TOOL:-}" ]; then
  echo "== using the installed tool $DIFFMIGRATE_TOOL"
  dm() { "$DIFFMIGRATE_TOOL" "$@"; }
else
  echo "== building the diffmigrate tool"
  dotnet build "$repo/src/Cli" -c Release -nologo -v q -o "$work/.tool" >/dev/null
  dm() { dotnet "$work/.tool/diffmigrate.dll" "$@"; }
fi

cd "$work"
echo "== working in $work"
echo "== diffmigrate init migrations"
dm init migrations
# Point the new configuration at the sample model and a database file next to it.
sed -i "s#\"model\": \"Model/Model.csproj\"#\"model\": \"$repo/samples/Blog/Blog.csproj\"#; s#sqlite:///app.db#sqlite:///blog.db#" diffmigrate.json

echo "== diffmigrate revision --autogenerate -m \"create blog schema\""
dm revision --autogenerate -m "create blog schema"
echo "== diffmigrate upgrade head"
dm upgrade head
echo "== diffmigrate current"
dm current
echo "== diffmigrate check"
dm check
echo "== the generated revision:"
cat migrations/versions/*.cs
