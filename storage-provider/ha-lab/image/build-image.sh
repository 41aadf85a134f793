#!/bin/bash
# Builds the storage-pair VM image from Debian 12 packages, without loop mounts or root file-system mounts:
#   build-image.sh <output dir>
# writes <output dir>/{root.img,vmlinuz,initrd.img}. The caller keys the output directory by a hash of this
# script, packages.txt and the lab agent files, so a change to any of them builds a new image.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1
mirror=${HALAB_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$out"
tree=$(mktemp -d "$out/tree.XXXXXX")
trap 'rm -rf "$tree"' EXIT
include=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/packages.txt" | paste -sd, -)

# A small initramfs, configured before the kernel package builds it (once): the stock MODULES=most one is 38 MB and
# costs ~30 s of TCG time to unpack and probe; the VMs need only virtio and ext4 (initramfs-hook).
mmdebstrap --variant=minbase --include="$include" --components=main \
  --aptopt='Acquire::Retries "3"' \
  --essential-hook='mkdir -p "$1/etc/initramfs-tools/conf.d" "$1/etc/initramfs-tools/hooks"' \
  --essential-hook='echo MODULES=list > "$1/etc/initramfs-tools/conf.d/halab"' \
  --essential-hook='copy-in "'"$here"'/initramfs-hook" /etc/initramfs-tools/hooks/' \
  --customize-hook='copy-in "'"$here"'/lab-agent" /usr/local/sbin/' \
  --customize-hook='copy-in "'"$here"'/lab-agent.service" /etc/systemd/system/' \
  --customize-hook='chmod 755 "$1/usr/local/sbin/lab-agent"' \
  --customize-hook='echo "/dev/vda / ext4 rw,noatime 0 1" > "$1/etc/fstab"' \
  --customize-hook='chroot "$1" systemctl enable lab-agent.service' \
  `# the cluster manager starts DRBD, NFS and the cluster stack is started by the test after configuration` \
  --customize-hook='chroot "$1" systemctl disable nfs-server.service heartbeat.service drbd.service || true' \
  `# nothing else worth the TCG cycles at boot` \
  --customize-hook='chroot "$1" systemctl mask apt-daily.timer apt-daily-upgrade.timer e2scrub_all.timer e2scrub_reap.service fstrim.timer systemd-timesyncd.service lvm2-monitor.service serial-getty@ttyS0.service getty@tty1.service getty-static.service || true' \
  --customize-hook='chroot "$1" systemctl set-default multi-user.target' \
  --customize-hook='rm -f "$1"/etc/ssh/ssh_host_* "$1/etc/hostname"' \
  bookworm "$tree" "$mirror"

cp "$tree"/boot/vmlinuz-* "$out/vmlinuz.tmp"
cp "$tree"/boot/initrd.img-* "$out/initrd.img.tmp"
chmod 644 "$out/vmlinuz.tmp" "$out/initrd.img.tmp"
rm -f "$out/root.img.tmp"
mkfs.ext4 -q -F -L halabroot -d "$tree" "$out/root.img.tmp" 2G
mv "$out/vmlinuz.tmp" "$out/vmlinuz"
mv "$out/initrd.img.tmp" "$out/initrd.img"
mv "$out/root.img.tmp" "$out/root.img"
