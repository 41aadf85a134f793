package org.linuxrouter.daemon.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.linuxrouter.protocol.model.InterfaceName;
import org.linuxrouter.protocol.model.IpAddress;
import org.linuxrouter.protocol.model.VxlanMode;
import org.linuxrouter.protocol.model.ProxyMode;

/** The loader's scratch pad: starts at the defaults, each parsed line overwrites one field. */
final class ConfigDraft {
  ListenAddress listen;
  boolean tls;
  Path keystore;
  Path secretFile;
  Path stateDir;
  InterfaceName trunkInterface;
  Optional<InterfaceName> uplinkInterface;
  ProxyMode proxyMode;
  Duration resyncInterval;
  int maxBodyBytes;
  int ratePerSecond;
  int rateBurst;
  LogLevel logLevel;
  Optional<InterfaceName> vxlanUnderlay;
  VxlanMode vxlanMode;
  Optional<IpAddress> vxlanLocal;
  List<IpAddress> vxlanVteps;
  VrrpConfig.Draft vrrp;
  Optional<Path> dnsmasqDir;
  boolean metadata;
  boolean antiSpoofing;
  PeerConfig.Draft peer;

  ConfigDraft(DaemonConfig base) {
    listen = base.listen();
    tls = base.tls();
    keystore = base.keystore();
    secretFile = base.secretFile();
    stateDir = base.stateDir();
    trunkInterface = base.trunkInterface();
    uplinkInterface = base.uplinkInterface();
    proxyMode = base.proxyMode();
    resyncInterval = base.resyncInterval();
    maxBodyBytes = base.maxBodyBytes();
    ratePerSecond = base.rateLimit().perSecond();
    rateBurst = base.rateLimit().burst();
    logLevel = base.logLevel();
    vxlanUnderlay = base.vxlan().underlay();
    vxlanMode = base.vxlan().mode();
    vxlanLocal = base.vxlan().local();
    vxlanVteps = base.vxlan().vteps();
    vrrp = new VrrpConfig.Draft(base.vrrp());
    dnsmasqDir = base.dnsmasqDir();
    metadata = base.metadata();
    antiSpoofing = base.antiSpoofing();
    peer = new PeerConfig.Draft(base.peer());
  }

  DaemonConfig build() {
    if (vrrp.on && vrrp.vrrpInterface.isEmpty() && trunkInterface.value().equals("lo")) {
      // VRRP runs on the trunk unless vrrp_interface names another; keepalived refuses the loopback
      throw new BadValue("trunk_interface: an interface to the peer router for VRRP, not the loopback (or set"
          + " vrrp_interface)", "lo");
    }
    return new DaemonConfig(listen, tls, keystore, secretFile, stateDir, trunkInterface, uplinkInterface,
        proxyMode, resyncInterval, maxBodyBytes, new RateLimit(ratePerSecond, rateBurst), logLevel,
        new VxlanSettings(vxlanUnderlay, vxlanMode, vxlanLocal, vxlanVteps), vrrp.build(),
        dnsmasqDir, metadata, antiSpoofing, peer.build(vrrp.on));
  }
}
