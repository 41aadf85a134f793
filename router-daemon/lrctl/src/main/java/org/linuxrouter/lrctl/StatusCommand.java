package org.linuxrouter.lrctl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linuxrouter.protocol.client.RouterClientException;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.RouterStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lrctl status}: the daemon's version, what it holds, when it last reconciled, and what drifted. */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Show linuxrouterd's version, network and NIC counts, last reconcile and drifted networks.")
final class StatusCommand implements Callable<Integer> {
  @ParentCommand
  Lrctl lrctl;

  @Override
  public Integer call() throws RouterClientException {
    RouterStatus status = lrctl.client().status();
    Output output = lrctl.output();
    if (output.json()) {
      output.json(new JsonCodec().encode(status));
      return Exit.OK;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("version", status.version());
    fields.put("networks", Integer.toString(status.networks()));
    fields.put("nics", Integer.toString(status.nics()));
    fields.put("last reconcile", status.lastReconcile().map(Object::toString).orElse("never"));
    fields.put("drifted", Text.uuids(status.drifted()));
    status.dnsmasq().ifPresent(state -> fields.put("dhcp/dns", "dnsmasq " + state + ", "
        + Text.count((int) Math.min(Integer.MAX_VALUE, status.dnsmasqRestarts()), "restart")));
    fields.put("metadata", status.metadata().wireName());
    fields.put("anti-spoofing", status.antiSpoofing().wireName());
    status.pair().ifPresent(pair -> {
      fields.put("vrrp role", pair.role().name() + (pair.sticky().orElse(false) ? ", sticky" : ""));
      fields.put("vrrp transitions", pair.transitions() + pair.lastTransition().map(t -> ", last " + t).orElse(""));
      fields.put("keepalived restarts", Long.toString(pair.keepalivedRestarts()));
      pair.takeover().ifPresent(mode -> fields.put("vrrp takeover", mode.wireName()
          + pair.gateOpen().map(open -> open ? ", standby gate open" : ", standby gate closed").orElse("")));
      pair.configError().ifPresent(e -> fields.put("keepalived config refused", e));
      pair.peer().ifPresent(peer -> {
        fields.put("peer", (peer.reachable() ? "reachable" : "NOT REACHABLE")
            + peer.role().map(r -> ", " + r).orElse("")
            + peer.lastContact().map(t -> ", last contact " + t).orElse("")
            + (peer.pendingForgets() > 0 ? ", " + peer.pendingForgets() + " password acks pending" : ""));
        peer.error().ifPresent(e -> fields.put("peer error", e));
        fields.put("split brain", pair.splitBrain()
            ? "YES: both routers are MASTER (VRRP link between them cut?), " + peer.splitBrains() + " so far"
            : "no" + (peer.splitBrains() > 0 ? " (" + peer.splitBrains() + " since start)" : ""));
      });
    });
    output.fields(fields);
    return Exit.OK;
  }
}
