#!/usr/bin/env bash
# Bulk certificates: wall time, ms per certificate, peak memory and median file
# size, for N separate files and for one merged N-page PDF. Not a test: figures
# depend on the machine. Usage: bench/certificates.sh [N ...]   (default: 1000 10000)
#
# Targets (issue 3): 1,000 separate files in ≤ 4 s with a median size ≤ 25 KB;
# one merged 1,000-page PDF in ≤ 2 s; peak memory that does not grow with N.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2 --target award-certificate-bench >/dev/null
bin="$BUILD/award-certificate-bench"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  for mode in files merged; do
    out="$work/$mode-$n"
    line=$(/usr/bin/time -f 'peak_memory=%M KB' "$bin" "$mode" "$n" "$out" 2>"$work/time")
    peak=$(tail -1 "$work/time")
    if [ "$mode" = files ]; then
      median=$(find "$out" -name '*.pdf' -printf '%s\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
      echo "$line $peak median_size=$((median / 1024)) KB ($median bytes)"
    else
      echo "$line $peak merged_size=$(( $(stat -c %s "$out/merged.pdf") / 1024 )) KB"
    fi
    rm -rf "$out"
  done
done
