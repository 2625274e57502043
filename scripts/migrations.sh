#!/usr/bin/env bash
# Adds an EF Core migration for both providers after a change to ContentDbContext's model:
#   scripts/migrations.sh add <Name>
# To take one back before it is committed, delete its files and restore the ModelSnapshot from git.
# Uses the dotnet-ef tool pinned in .config/dotnet-tools.json; CI never needs it.
set -euo pipefail
cd "$(dirname "$0")/.."

project=src/OneDigital.Content/OneDigital.Content.csproj
dotnet tool restore >/dev/null

case "${1:-}" in
  add)
    name="${2:?usage: scripts/migrations.sh add <Name>}"
    dotnet build "$project" -v q -nologo
    for provider in Sqlite Postgres; do
      dotnet ef migrations add "$name" --no-build --project "$project" \
        --context "${provider}ContentDbContext" \
        --output-dir "Migrations/$provider"
    done
    ;;
  *)
    echo "usage: scripts/migrations.sh add <Name>" >&2
    exit 2
    ;;
esac
