#!/usr/bin/env bash
# Makes the store fixtures of a release: a client store and a server data directory written by that release's own
# `bulletin` and `bulletin-server` (their debug builds in BIN), with every kind of row a newsroom makes — an imported
# issue (sections, articles), an annotation, a conflict, a published issue with its signed publication, accounts,
# an unpushed change in the outbox. StoreFixtureTests migrates them with the current code and checks every row.
#
# Usage: Tests/Fixtures/make-release-fixtures.sh BIN OUT   (e.g. BIN = a worktree of the release's commit/.build/debug)
set -euo pipefail
bin=$1
out=$2
sample="$(cd "$(dirname "$0")/.." && pwd)/BulletinFormatTests/Fixtures/bulletin-2024-09-05.txt"
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

"$bin/bulletin-server" user add chief --role chief --data "$work/server" > "$work/chief.token"
"$bin/bulletin-server" user add hong --role editor --data "$work/server" > "$work/hong.token"
"$bin/bulletin-server" user add hue --role field-office --data "$work/server" > /dev/null
"$bin/bulletin-server" serve --host 127.0.0.1 --port 0 --data "$work/server" 2> "$work/server.log" &
server=$!
until grep -q listening "$work/server.log"; do sleep 0.1; done
address=$(grep -o '127\.0\.0\.1:[0-9]*' "$work/server.log" | head -1)

client="$work/client.sqlite"
other="$work/other.sqlite"
"$bin/bulletin" init --store "$client" --editor "Thanh Hồng" --server "$address" --token "$(cat "$work/chief.token")"
"$bin/bulletin" init --store "$other" --editor "Minh Khang" --server "$address" --token "$(cat "$work/hong.token")"
"$bin/bulletin" import --store "$client" "$sample" > /dev/null
"$bin/bulletin" annotate --store "$client" 2024-09-05/1 --paragraph 1 "Kiểm tra lại số liệu"
"$bin/bulletin" sync --store "$client" > /dev/null
"$bin/bulletin" sync --store "$other" > /dev/null
# A conflict: both retitle the same article offline.
"$bin/bulletin" article edit --store "$client" 2024-09-05/2 --title "Tiêu đề của Hồng"
"$bin/bulletin" article edit --store "$other" 2024-09-05/2 --title "Tiêu đề của Khang"
"$bin/bulletin" sync --store "$other" > /dev/null
"$bin/bulletin" sync --store "$client" > /dev/null
"$bin/bulletin" state --store "$client" 2024-09-05 review
"$bin/bulletin" state --store "$client" 2024-09-05 approved
"$bin/bulletin" state --store "$client" 2024-09-05 published
"$bin/bulletin" sync --store "$client" > /dev/null
# Left in the outbox: an edit not yet pushed.
"$bin/bulletin" article edit --store "$client" 2024-09-05/3 --title "Chưa đồng bộ"
kill -TERM "$server"
wait "$server" || true

mkdir -p "$out/server"
cp "$client" "$out/client.sqlite"
cp "$work/server/bulletin-server.sqlite" "$out/server/bulletin-server.sqlite"
echo "fixtures written to $out"
