#!/usr/bin/env bash
# Squashes each named module's migrations (default: every module) into one `Initial` per provider:
# deletes the module's generated migration files and snapshot in src/Redress.Migrations.Sqlite and
# src/Redress.Migrations.Postgres, regenerates `Initial` from the current model with `dotnet ef`, and wires the
# module's hand-written SQL back in. Hand-written SQL lives in `<Module>/InitialSql.cs` (a partial class
# `Initial` implementing `partial void UpSql(MigrationBuilder)`); the script never deletes that file and adds the
# call to it at the end of the generated `Up`. Only for databases nobody has to upgrade: see docs/migrations.md.
#
#   scripts/squash-migrations.sh                 # Access Calendars Complaints Notifications Wallet
#   scripts/squash-migrations.sh Complaints      # one module
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
  modules=(Access Calendars Complaints Notifications Wallet)
fi

dotnet tool restore >/dev/null

for provider in Sqlite Postgres; do
  project="src/Redress.Migrations.$provider"
  for module in "${modules[@]}"; do
    folder="$project/$module"
    if [ ! -d "$folder" ]; then
      echo "No migrations folder $folder" >&2
      exit 2
    fi
    find "$folder" -maxdepth 1 -name '*.cs' ! -name 'InitialSql.cs' -delete
  done

  # One build without the deleted snapshots; each module has its own context and snapshot, so the adds need no rebuild.
  dotnet build "$project" -nologo -clp:ErrorsOnly

  for module in "${modules[@]}"; do
    folder="$project/$module"
    dotnet ef migrations add Initial --no-build \
      --project "$project" --startup-project "$project" \
      --context "${module}DbContext" --output-dir "$module"
    if [ -f "$folder/InitialSql.cs" ]; then
      generated="$(ls "$folder"/*_Initial.cs)"
      # The generated Up ends with the first line that closes a method body; the hand-written SQL runs last.
      awk '
        /protected override void Up\(MigrationBuilder migrationBuilder\)/ { up = 1 }
        up && $0 == "        }" { print "            UpSql(migrationBuilder);"; up = 0 }
        { print }
      ' "$generated" > "$generated.tmp"
      mv "$generated.tmp" "$generated"
      grep -q 'UpSql(migrationBuilder);' "$generated" || { echo "Could not wire InitialSql.cs into $generated" >&2; exit 1; }
    fi
  done
done

echo "Squashed ${modules[*]} on SQLite and PostgreSQL. Build, start on an empty data folder and run the upgrade tests (docs/migrations.md)."
