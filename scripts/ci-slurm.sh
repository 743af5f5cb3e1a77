#!/usr/bin/env bash
# CI: run a small sweep on a real single-node Slurm cluster started on this machine, as an array job followed by a
# merge job that depends on it, and check that the merged rows equal the same sweep run locally.
#
# Follows the facts of a Debian 12 machine run as root: Slurm 22.05 and munge from Debian's packages, the configuration
# in a temporary folder exported as SLURM_CONF (so no packaged service starts), slurmctld and slurmd in the foreground
# in the background, stopped at the end by the process ids this script started. Ports 6817 and 6818 must be free.
# Usage: scripts/ci-slurm.sh [path/to/repoverty]   (default: builds and uses .build/release/repoverty)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "== slurm: installing slurmctld slurmd slurm-client munge"
export DEBIAN_FRONTEND=noninteractive
if ! command -v slurmctld >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    as_root apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null \
        || { as_root apt-get update -qq && as_root apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null; }
fi

repoverty=${1:-}
if [ -z "$repoverty" ]; then
    swift build -c release >/dev/null
    repoverty=.build/release/repoverty
fi
repoverty=$(cd "$(dirname "$repoverty")" && pwd)/$(basename "$repoverty")

work=$(mktemp -d /tmp/repoverty-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    status=$?
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ "$status" -ne 0 ]; then
        for log in "$work"/*.log "$work"/out/slurm/logs/* "$work"/sens/slurm/logs/*; do
            [ -f "$log" ] && { echo "---- $log"; tail -n 30 "$log"; }
        done
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

echo "== slurm: munge"
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    if [ ! -s /etc/munge/munge.key ]; then
        as_root mungekey --create --keyfile /etc/munge/munge.key 2>/dev/null \
            || as_root dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
    as_root chown munge:munge /etc/munge/munge.key
    as_root chmod 400 /etc/munge/munge.key
    as_root mkdir -p /run/munge /var/lib/munge /var/log/munge
    as_root chown munge:munge /run/munge /var/lib/munge /var/log/munge
    # Started directly (not through a shell function), so $! is munged itself and the cleanup stops exactly it.
    if [ "$(id -u)" -eq 0 ]; then
        setpriv --reuid=munge --regid=munge --init-groups munged --foreground >"$work/munged.log" 2>&1 &
    else
        sudo setpriv --reuid=munge --regid=munge --init-groups munged --foreground >"$work/munged.log" 2>&1 &
    fi
    pids+=($!)
    for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
    munge -n | unmunge >/dev/null
fi

echo "== slurm: starting slurmctld and slurmd"
node=$(hostname -s)
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=repoverty-ci
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmctldPort=6817
SlurmdPort=6818
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
slurmctld -D -c -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
    [ "$(sinfo -h -N -o %t 2>/dev/null | head -n 1)" = "idle" ] && break
    sleep 0.2
done
[ "$(sinfo -h -N -o %t | head -n 1)" = "idle" ] || { echo "CI slurm: the node never became idle" >&2; sinfo >&2; exit 1; }

sweep=(scenarios/reference.yaml --grid interventions.dibao.standard=4000,4500,5000 --grid shocks.flood.probability=0.02,0.1
    --replicates 2 --households 4000 --years 3)

echo "== slurm: the sweep locally"
"$repoverty" sweep "${sweep[@]}" --output "$work/local" --quiet

echo "== slurm: the same sweep as an array job of 3 tasks, then the merge job"
"$repoverty" sweep "${sweep[@]}" --output "$work/out" --slurm --tasks 3 --threads 1
grep -q -- "--array=0-2" "$work/out/slurm/sweep.sbatch"
array=$(sbatch --parsable --wait "$work/out/slurm/sweep.sbatch")
array=${array%%;*}
sbatch --parsable --wait --dependency=afterok:"$array" "$work/out/slurm/merge.sbatch" >/dev/null
for task in 0 1 2; do
    [ -s "$work/out/shards/$task/sweep.csv" ] || { echo "CI slurm: task $task wrote no shard" >&2; exit 1; }
done

echo "== slurm: the merged result equals the local one"
cmp "$work/local/sweep.csv" "$work/out/sweep.csv"
rows=$(($(wc -l <"$work/out/sweep.csv") - 1))
[ "$rows" -eq 6 ] || { echo "CI slurm: expected 6 rows, got $rows" >&2; exit 1; }
complete=$(sqlite3 "$work/out/sweep.sqlite" "SELECT count(*) FROM points WHERE status = 'complete'" 2>/dev/null \
    || python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM points WHERE status = 'complete'\").fetchone()[0])" "$work/out/sweep.sqlite")
[ "$complete" -eq 6 ] || { echo "CI slurm: expected 6 complete points in sweep.sqlite, got $complete" >&2; exit 1; }
echo "CI slurm: array job $array and its merge gave the local sweep's 6 rows"

# Issue 16: a sensitivity analysis of two keys (5 runs: the base and each key's two sides) as an array job of 2 tasks,
# then its merge job: the merged sensitivity.csv must be the bytes of the same analysis run locally.
sens=(scenarios/baseline.yaml --keys interventions.dibao.standard,economy.farming.cropValuePerMu
    --replicates 2 --households 1000 --years 3)
echo "== slurm: a sensitivity analysis locally, then as an array job of 2 tasks and the merge job"
"$repoverty" sensitivity "${sens[@]}" --output "$work/sens-local" --quiet
"$repoverty" sensitivity "${sens[@]}" --output "$work/sens" --slurm --tasks 2 --threads 1 --quiet
grep -q -- "--array=0-1" "$work/sens/slurm/sensitivity.sbatch"
array=$(sbatch --parsable --wait "$work/sens/slurm/sensitivity.sbatch")
array=${array%%;*}
sbatch --parsable --wait --dependency=afterok:"$array" "$work/sens/slurm/merge.sbatch" >/dev/null
cmp "$work/sens-local/sensitivity.csv" "$work/sens/sensitivity.csv"
echo "CI slurm: array job $array and its merge gave the local analysis's sensitivity.csv"
