#!/usr/bin/env bash
# Measures `itas score` on a synthetic national year as a user runs it: builds the binary,
# writes the year with `itas synth` into a temporary directory, then scores it several times
# under /usr/bin/time -v and prints the median wall time, peak RSS (maximum resident set size)
# and respondents per second.
#
#   scripts/bench-score.sh            1.4 M respondents (8,300 agencies, 0.5 M IIT, 0.9 M EIT)
#   scripts/bench-score.sh --stress   also 3 M (1.07 M IIT, 1.93 M EIT; ~550 MB of files)
#   scripts/bench-score.sh --runs 5   runs per size (default 3)
#
# The target (issue 2) is under 5 s and under 1 GB for 1.4 M on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
stress=0
while [ $# -gt 0 ]; do
  case "$1" in
    --stress) stress=1 ;;
    --runs) runs="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-score.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (/usr/bin/time)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends time >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/itas" ./cmd/itas

# sizes: name agencies iit eit
sizes=("1.4M 8300 500000 900000")
[ "$stress" = 1 ] && sizes+=("3M 8300 1070000 1930000")

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# seconds converts /usr/bin/time's "h:mm:ss" or "m:ss.ss" to seconds.
seconds() { awk -F: '{s=0; for (i=1; i<=NF; i++) s=s*60+$i; print s}'; }

summary=()
for size in "${sizes[@]}"; do
  read -r name agencies iit eit <<<"$size"
  dir="$work/$name"
  echo "== $name: generating $agencies agencies, $iit IIT, $eit EIT respondents" >&2
  "$work/itas" synth --year 2563 --agencies "$agencies" --iit "$iit" --eit "$eit" --out "$dir" --seed 1 >/dev/null
  cmd=("$work/itas" score --year 2563 --agencies "$dir/agencies.csv" --iit "$dir/iit.csv"
       --eit "$dir/eit.csv" --oit "$dir/oit.csv" --format csv)
  echo "   itas score --year 2563 --agencies $name/agencies.csv --iit $name/iit.csv --eit $name/eit.csv --oit $name/oit.csv --format csv > /dev/null" >&2
  walls=() rss=() cpus=()
  for i in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/time.txt" "${cmd[@]}" >/dev/null
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | seconds)
    kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
    cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$work/time.txt")
    printf '   run %d: %6.2f s  %5d MB peak RSS  %s CPU\n' "$i" "$wall" $((kb / 1024)) "$cpu" >&2
    walls+=("$wall") rss+=("$kb") cpus+=("${cpu%\%}")
  done
  w=$(printf '%s\n' "${walls[@]}" | median)
  m=$(printf '%s\n' "${rss[@]}" | median)
  c=$(printf '%s\n' "${cpus[@]}" | median)
  rate=$(awk -v n=$((iit + eit)) -v s="$w" 'BEGIN {printf "%d", n / s}')
  summary+=("$(printf '%-6s %9s %8.2f s %7d MB %12s %6s%%' "$name" "$((iit + eit))" "$w" $((${m%.*} / 1024)) "$rate" "$c")")
done

echo
echo "itas score, median of $runs runs ($(nproc) CPUs, $(go env GOVERSION)):"
printf '%-6s %9s %10s %10s %12s %7s\n' size resp. wall "peak RSS" "resp./s" CPU
printf '%s\n' "${summary[@]}"
