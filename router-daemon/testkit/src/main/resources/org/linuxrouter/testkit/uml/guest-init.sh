#!/bin/bash
# PID 1 of the user-mode-linux 802.1Q lab (see router-daemon/testkit/README.md).
#
# The guest's root file system is the host's / through hostfs, read-write: every write lands on the host.
# So this script first gives the guest private memory-backed copies of everything it may write, then
# runs one command, reports its exit status through a file on the host and powers the kernel off.
#
# Contract: the kernel passes unknown KEY=VALUE boot parameters to init as environment variables.
#   LR_ARGV    host path of the command to run: its argv, NUL separated (never parsed as shell)
#   LR_STATUS  host path where the status line goes: "exit <code>" or "setup <step> <code>"
#   LR_CWD     host directory to run the command in
#   LR_SHARE   ':'-separated host directories the guest writes through to (LR_ARGV/LR_STATUS live there)
#   LR_MODULES module tree of this kernel (Debian's user-mode-linux package ships it outside /lib/modules)
#
# PID 1 must never exit (kernel panic): every path ends in power_off, which loops forever.

export PATH=/run/lrlab/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/tmp LANG=C.UTF-8
host_root=/   # where the host's / is reachable; moves once / is bind-mounted under /run

say() { printf 'lrlab: %s\n' "$*"; }

power_off() {
    sync
    # no systemd in the guest, so poweroff(8) cannot work; sysrq 'o' powers the kernel off at once
    echo o > /proc/sysrq-trigger
    while :; do sleep 60; done
}

write_status() {
    printf '%s\n' "$*" > "${host_root%/}$LR_STATUS"
    sync
}

# Runs one setup step (argv, never a string); a failing step is reported as "setup <name> <code>".
step() {
    local name=$1; shift
    "$@"
    local rc=$?
    if [ "$rc" -ne 0 ]; then
        say "setup step '$name' failed with exit code $rc: $*"
        write_status setup "$name" "$rc"
        power_off
    fi
}

mount_kernel_filesystems() {
    mount -t proc proc /proc || return
    mount -t sysfs sysfs /sys || return
    # CONFIG_DEVTMPFS_MOUNT mounts /dev before init runs; mount it ourselves only if it did not
    mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev || return
    # devtmpfs has no /dev/fd and friends: bash process substitution and "cat /dev/stdin" need them (trap 7)
    ln -sfn /proc/self/fd /dev/fd && ln -sfn /proc/self/fd/0 /dev/stdin &&
        ln -sfn /proc/self/fd/1 /dev/stdout && ln -sfn /proc/self/fd/2 /dev/stderr || return
    mkdir -p /dev/shm /dev/pts && mount -t tmpfs -o mode=1777 tmpfs /dev/shm &&
        mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts
}

# The host's / stays reachable under /run/lrlab/host after /tmp, /etc, /var are hidden (trap 3).
mount_private_run() {
    mount -t tmpfs -o mode=0755 tmpfs /run || return
    mkdir -p /run/lrlab/host /run/lrlab/bin /run/lrlab/overlay || return
    mount --bind / /run/lrlab/host || return
    host_root=/run/lrlab/host
}

# modprobe looks in /lib/modules/$(uname -r), which this host does not have and must not get (trap 2):
# point modprobe at a private root whose lib/modules/<release> is the package's tree, for us and the kernel.
install_modprobe() {
    local release root=/run/lrlab/modroot
    release=$(uname -r) || return
    [ -d "$LR_MODULES" ] || { say "no module tree at '$LR_MODULES' (package user-mode-linux)"; return 1; }
    command -v modprobe > /dev/null || { say "no modprobe on the host (apt-get install kmod)"; return 1; }
    local real
    real=$(command -v modprobe)
    mkdir -p "$root/lib/modules" && ln -s "$LR_MODULES" "$root/lib/modules/$release" || return
    printf '#!/bin/sh\nexec %s -d %s "$@"\n' "$real" "$root" > /run/lrlab/bin/modprobe &&
        chmod 0755 /run/lrlab/bin/modprobe &&
        echo /run/lrlab/bin/modprobe > /proc/sys/kernel/modprobe
}

overlay_on() {
    local dir=$1 layer
    layer=/run/lrlab/overlay/${dir//\//_}
    mkdir -p "$layer/upper" "$layer/work" || return
    mount -t overlay overlay -o "lowerdir=$dir,upperdir=$layer/upper,workdir=$layer/work" "$dir"
}

# Writes to /etc (dhclient's resolv.conf), /var (dnsmasq leases, logs), /root and /tmp stay in guest memory
# (trap 3). Overlays rather than empty tmpfs: the guest still reads what the host has there, such as a build
# directory or a JUnit @TempDir under /tmp that holds the classes a guest JVM runs.
mount_private_overlays() {
    modprobe overlay || return
    overlay_on /etc && overlay_on /var && overlay_on /root && overlay_on /tmp
}

# The directories the host shares with us are put back at their own paths, so paths mean the same on both sides.
mount_shares() {
    local share shares
    IFS=: read -r -a shares <<< "$LR_SHARE"
    for share in "${shares[@]}"; do
        [ -d "$host_root$share" ] || { say "shared directory '$share' does not exist on the host"; return 1; }
        mkdir -p "$share" && mount --bind "$host_root$share" "$share" || return
    done
}

run_command() {
    local -a argv
    mapfile -d '' -t argv < "$LR_ARGV" || return
    [ "${#argv[@]}" -gt 0 ] || { say "empty argv file '$LR_ARGV'"; return 1; }
    cd "$LR_CWD" || return
    say "running ${argv[0]} (${#argv[@]} arguments)"
    # The command writes into a pipe, not the console tty: no \r\n (trap 6), no colours, as on CI.
    # A daemon it leaves behind may hold that pipe forever (trap 10), so we never wait for the pipe's
    # end: only for the command, then give the relay a bounded grace period to drain.
    "${argv[@]}" < /dev/null > >(exec cat) 2>&1
    local rc=$? relay=$! tick
    for tick in {1..20}; do
        kill -0 "$relay" 2> /dev/null || break
        sleep 0.1
    done
    say "exit $rc"
    write_status exit "$rc"
}

# the console is a tty that turns \n into \r\n (trap 6): switch that off for our own messages
stty -onlcr 2> /dev/null
say "init started"
step kernel-filesystems mount_kernel_filesystems
step private-run mount_private_run
step modprobe install_modprobe
step overlays mount_private_overlays
step shares mount_shares
step 8021q modprobe 8021q
# IPv6 is a module in this kernel; a JVM loads it by opening an IPv6 socket, a shell script does not
step ipv6 modprobe ipv6
step loopback ip link set lo up
run_command || { write_status setup command 1; }
power_off
