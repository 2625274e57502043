#!/usr/bin/env bash
# The admin's (and the readers' site theme's) front-end packages, fetched at pinned versions from npm and copied (the dist files the admin loads,
# plus each package's licence) into src/OneDigital.Admin/wwwroot/lib/<package>/, which is committed: `dotnet run`
# and the build need no Node. Nothing under wwwroot/lib is edited by hand; change a version here and run it again.
#   scripts/assets.sh
set -euo pipefail
cd "$(dirname "$0")/.."

lib=src/OneDigital.Admin/wwwroot/lib
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# package@version, then the files to copy from the package folder (paths inside the npm tarball's package/).
declare -A files=(
  [govuk-frontend@6.6.0]="dist/govuk/govuk-frontend.min.css dist/govuk/govuk-frontend.min.js"
  [easymde@2.21.0]="dist/easymde.min.css dist/easymde.min.js LICENSE"
  [sortablejs@1.15.7]="Sortable.min.js LICENSE"
  # GraphiQL at /admin/graphql: 3.x is the last line with a UMD build that runs from plain script tags (no bundler,
  # no import map), on React 18's UMD builds (React 19 ships none).
  [graphiql@3.9.0]="graphiql.min.js graphiql.min.css LICENSE"
  [react@18.3.1]="umd/react.production.min.js LICENSE"
  [react-dom@18.3.1]="umd/react-dom.production.min.js LICENSE"
)

for spec in "${!files[@]}"; do
  name="${spec%@*}"
  (cd "$work" && npm pack "$spec" --silent >/dev/null)
  mkdir -p "$work/$name"
  tar xzf "$work/$name-${spec#*@}.tgz" -C "$work/$name"
  rm -rf "${lib:?}/$name"
  mkdir -p "$lib/$name"
  for file in ${files[$spec]}; do
    cp "$work/$name/package/$file" "$lib/$name/"
  done
  echo "$spec" > "$lib/$name/VERSION"
done

# govuk-frontend's tarball holds no licence file: its package.json says MIT and its README carries the notice.
{
  echo "govuk-frontend $(node -p "require('$work/govuk-frontend/package/package.json').license") licence,"
  echo "from the package's README.md (https://github.com/alphagov/govuk-frontend/blob/main/LICENSE.txt):"
  echo
  sed -n '/^## Licence/,/^## /p' "$work/govuk-frontend/package/README.md" | sed '$d'
} > "$lib/govuk-frontend/LICENSE"

# The readers' site's theme uses the same GOV.UK Frontend, its CSS only (the site works without scripts).
site_lib=src/OneDigital.Site/Themes/OneDigital/wwwroot/lib/govuk-frontend
rm -rf "$site_lib"
mkdir -p "$site_lib"
cp "$lib/govuk-frontend/govuk-frontend.min.css" "$lib/govuk-frontend/LICENSE" "$lib/govuk-frontend/VERSION" "$site_lib/"

echo "assets.sh: copied into $lib and $site_lib:" >&2
find "$lib" "$site_lib" -type f | sort >&2
