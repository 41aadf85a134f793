# Runs cloud-init's own CloudStack datasource (Debian package cloud-init) as a guest's boot would, inside the
# guest's network namespace, and prints what it found as one JSON object. Not a copy of cloud-init: it imports it.
#
# The only preparation: `ip netns exec` gives this process a private mount namespace, in which empty tmpfs
# directories hide the host's DHCP lease directories, so the datasource's address lookup cannot pick up a lease some
# other test left on the host. Which address it then finds (data-server by DNS, a lease, or the default gateway) is
# cloud-init's own decision.
import ctypes
import json
import os
import sys
import tempfile

libc = ctypes.CDLL(None, use_errno=True)
for lease_dir in ("/var/lib/dhclient", "/var/lib/dhcp", "/var/lib/NetworkManager", "/run/systemd/netif/leases"):
    if os.path.isdir(lease_dir):
        if libc.mount(b"tmpfs", lease_dir.encode(), b"tmpfs", 0, None) != 0:
            sys.exit("cannot hide %s: errno %d" % (lease_dir, ctypes.get_errno()))

from cloudinit import distros, helpers  # noqa: E402
from cloudinit.sources import DataSourceCloudStack as cs  # noqa: E402

work = tempfile.mkdtemp(prefix="cloudinit-")
paths = helpers.Paths({"cloud_dir": work, "run_dir": work})
distro = distros.fetch("debian")("debian", {}, paths)
# Shorter waits than a real boot (120 s, 50 s): a refused guest must fail the test quickly, not hang it.
sys_cfg = {"datasource": {"CloudStack": {"max_wait": 6, "timeout": 2, "retries": 0}}}

ds = cs.DataSourceCloudStack(sys_cfg, distro, paths)
found = ds.get_data()
out = {"found": bool(found), "server": ds.vr_addr}
if found:
    user_data = ds.userdata_raw
    if isinstance(user_data, bytes):
        user_data = user_data.decode("utf-8")
    out.update({
        "instance_id": ds.get_instance_id(),
        "user_data": user_data,
        "metadata": ds.metadata,
        "public_keys": ds.get_public_ssh_keys(),
        "password": ds.get_config_obj().get("password"),
    })
    # The datasource acknowledged the password itself; a second boot asks again, as cloud-init would.
    client = cs.CloudStackPasswordServerClient(ds.vr_addr)
    out["second_password"] = client.get_password()
    out["second_answer"] = client._do_request("send_my_password")
print(json.dumps(out, default=str))
