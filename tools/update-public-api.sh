#!/usr/bin/env bash
# Rewrites every library's PublicAPI.Shipped.txt from the public surface the code has now, and empties
# PublicAPI.Unshipped.txt. Run it from anywhere after a deliberate change to the public API (or after a merge),
# then review `git diff -- '*PublicAPI*.txt'`: every added or removed line is a change users see.
#   tools/update-public-api.sh
# How: with both files emptied, Microsoft.CodeAnalysis.PublicApiAnalyzers reports every public symbol as RS0016,
# whose message names the symbol exactly as the file spells it; the script collects those per project.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
projects=$(find src -name '*.csproj' ! -path 'src/Cli/*' | sort)
for csproj in $projects; do
  dir=$(dirname "$csproj")
  printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
done
log=$(mktemp)
# RS0016/RS0017 (undeclared/removed symbol) and RS0026/RS0027 (overload rules for unshipped API) are expected here.
dotnet build src/Cli/DiffMigrate.Cli.csproj --no-incremental -nologo -v q \
  -p:WarningsNotAsErrors='RS0016%3BRS0017%3BRS0026%3BRS0027' > "$log" 2>&1 || { cat "$log"; exit 1; }
dotnet build src/Testing/DiffMigrate.Testing.csproj --no-incremental -p:BuildProjectReferences=false -nologo -v q \
  -p:WarningsNotAsErrors='RS0016%3BRS0017%3BRS0026%3BRS0027' >> "$log" 2>&1 || { cat "$log"; exit 1; }
for csproj in $projects; do
  dir=$(dirname "$csproj")
  full="$root/$csproj"
  {
    printf '#nullable enable\n'
    { grep -F "warning RS0016" "$log" || true; } | { grep -F "[$full]" || true; } \
      | sed -E "s/.*warning RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/" \
      | LC_ALL=C sort -u || true
  } > "$dir/PublicAPI.Shipped.txt"
  echo "$dir/PublicAPI.Shipped.txt: $(($(wc -l < "$dir/PublicAPI.Shipped.txt") - 1)) symbols"
done
rm -f "$log"
