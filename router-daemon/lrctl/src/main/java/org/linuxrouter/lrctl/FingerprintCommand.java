package org.linuxrouter.lrctl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.linuxrouter.daemon.tls.Fingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lrctl fingerprint}: read from the keystore file, so it works while the daemon is stopped. */
@Command(name = "fingerprint", mixinStandardHelpOptions = true, versionProvider = Lrctl.Version.class,
    description = "Print the SHA-256 fingerprint of linuxrouterd's certificate (AB:CD:..., as openssl x509 "
        + "-fingerprint -sha256 prints it), to pin it in CloudStack. Reads the keystore; the daemon need not run.")
final class FingerprintCommand implements Callable<Integer> {
  @ParentCommand
  Lrctl lrctl;

  @Override
  public Integer call() {
    LocalDaemon daemon = lrctl.daemon();
    String fingerprint = Fingerprint.sha256(daemon.certificate());
    Output output = lrctl.output();
    if (output.json()) {
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("sha256", fingerprint);
      answer.put("keystore", daemon.config().keystore());
      output.json(Output.object(answer));
    } else {
      output.line(fingerprint);
    }
    return Exit.OK;
  }
}
