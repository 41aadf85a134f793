#!/bin/bash
# Runs inside the UML guest (kernel with 802.1Q): builds the lab topology and saves evidence for the host-side
# test (VlanLabTest) to assert on. It asserts nothing itself: the JUnit test reads what the kernel reported.
#
#   vm1 (10.100.0.10) ── trunk0.100 moved into vm1 ─┐
#                                                   hyp: trunk0 ══ veth trunk ══ eth1 :router
#   vm2 (10.200.0.20) ── veth ── br200 ⊃ trunk0.200 ┘          eth1.100 10.100.0.1/24, eth1.200 10.200.0.1/24
#
# vm1 is attached by moving the VLAN interface into its namespace, vm2 through a bridge on the hypervisor:
# the two ways CloudStack hypervisors attach guests. Batched with ip -batch: every exec in UML is slow (trap 11).
set -euo pipefail
out=${1:?usage: vlan-lab.sh OUTPUT_DIR}
mkdir -p "$out"
ms() { echo $(( $(date +%s%N) / 1000000 )); }
# /proc/sys/net belongs to the namespace of whoever opens it; tee instead of sysctl spares a procps dependency
forwarding() { ip netns exec router tee /proc/sys/net/ipv4/ip_forward <<< "$1" > /dev/null; }
started=$(ms)

for ns in router hyp vm1 vm2; do ip netns add "$ns"; done

ip -batch - <<'IP'
link add eth1 type veth peer name trunk0
link set eth1 netns router
link set trunk0 netns hyp
IP

ip -n router -batch - <<'IP'
link set lo up
link set eth1 up
link add link eth1 name eth1.100 type vlan id 100
link add link eth1 name eth1.200 type vlan id 200
address add 10.100.0.1/24 dev eth1.100
address add 10.200.0.1/24 dev eth1.200
link set eth1.100 up
link set eth1.200 up
IP

ip -n hyp -batch - <<'IP'
link set lo up
link set trunk0 up
link add link trunk0 name trunk0.100 type vlan id 100
link set trunk0.100 netns vm1
link add link trunk0 name trunk0.200 type vlan id 200
link add br200 type bridge
link set trunk0.200 master br200
link add vm2-port type veth peer name eth0 netns vm2
link set vm2-port master br200
link set trunk0.200 up
link set vm2-port up
link set br200 up
IP

ip -n vm1 -batch - <<'IP'
link set lo up
link set trunk0.100 name eth0
address add 10.100.0.10/24 dev eth0
link set eth0 up
route add default via 10.100.0.1
IP

ip -n vm2 -batch - <<'IP'
link set lo up
address add 10.200.0.20/24 dev eth0
link set eth0 up
route add default via 10.200.0.1
IP
echo "lab: topology built in $(( $(ms) - started )) ms"

# evidence: what the kernel says the links are
ip -n router -j -d link show dev eth1.100 > "$out/router-eth1.100.json"
ip -n router -j -d link show dev eth1.200 > "$out/router-eth1.200.json"
ip -n vm1 -j -d link show dev eth0 > "$out/vm1-eth0.json"
ip -n hyp -j -d link show master br200 > "$out/hyp-br200-ports.json"
ip netns exec router cat /proc/net/vlan/config > "$out/router-vlan-config.txt"

set +e
# each VM reaches its own gateway over its VLAN: the tagged path works before routing is involved
ip netns exec vm1 ping -n -c 1 -W 2 10.100.0.1 > "$out/ping-gateway-vm1.txt" 2>&1
echo $? > "$out/ping-gateway-vm1.rc"
ip netns exec vm2 ping -n -c 1 -W 2 10.200.0.1 > "$out/ping-gateway-vm2.txt" 2>&1
echo $? > "$out/ping-gateway-vm2.rc"

# with forwarding off the router must drop vm1 -> vm2: proves the path goes through it
forwarding 0
ip netns exec vm1 ping -n -c 1 -W 1 10.200.0.20 > "$out/ping-unrouted.txt" 2>&1
echo $? > "$out/ping-unrouted.rc"
forwarding 1
ip netns exec vm1 ping -n -c 3 -i 0.2 -W 2 10.200.0.20 > "$out/ping-routed.txt" 2>&1
echo $? > "$out/ping-routed.rc"
set -e
echo "lab: done in $(( $(ms) - started )) ms"
