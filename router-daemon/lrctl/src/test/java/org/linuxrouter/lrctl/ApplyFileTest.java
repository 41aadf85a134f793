package org.linuxrouter.lrctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.protocol.json.JsonCodec;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The apply file is decoded as strictly as the daemon decodes requests, with errors at the path in the file.
 * Inputs use single quotes for readability; they become double quotes before parsing.
 */
class ApplyFileTest {
  private static final String NET = "'network':{'uuid':'3f2504e0-4f89-11d3-9a0c-0305e82c3301','segment':'vlan://100',"
      + "'gateway4':'10.1.1.1/24'";
  private static final String NIC = "{'uuid':'9c5b94b1-35ad-49bb-b118-8e8fc24abf80','mac':'02:00:4c:4f:4f:50'";

  @Test
  void readsTheNetworkAndEveryNicAsTheCodecWritesThem() {
    JsonCodec codec = new JsonCodec();
    String text = "{\"nics\":[" + codec.encode(Samples.nicA()) + "," + codec.encode(Samples.nicB())
        + "],\"network\":" + codec.encode(Samples.network()) + "}";
    ApplyFile file = ApplyFile.parse(text);
    assertEquals(Samples.network(), file.network());
    assertEquals(List.of(Samples.nicA(), Samples.nicB()), file.nics());
    assertEquals(List.of(), ApplyFile.parse("{" + NET.replace('\'', '"') + "},\"nics\":[]}").nics());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{" + NET + "}}|nics|expected a value (an empty list removes every nic), got none",
      "{'nics':[]}|network|expected a value, got none",
      "{" + NET + "},'nics':[],'nic':[]}|nic|expected only the fields network, nics, got an unknown field",
      "{" + NET + "},'nics':[],'nics':[]}|nics|expected each field once, got a duplicate key",
      "{" + NET + ",'mtu':1500.0},'nics':[]}|network.mtu|expected an integer without fraction or exponent, got 1500.0",
      "{" + NET + ",'mtu':-0},'nics':[]}|network.mtu|expected an integer without fraction or exponent, got -0",
      "{" + NET + ",'vlan':100},'nics':[]}|network.vlan|expected only the fields uuid, name, segment, trunk, gateway4,"
          + " gateway6, mtu, proxyMode, services, dnsServers, domain, vxlan, got an unknown field",
      "{" + NET + ",'segment':'vlan://101'},'nics':[]}|network.segment|expected each field once, got a duplicate key",
      "{" + NET + ",'name':null},'nics':[]}|network.name|expected a string, got null",
      "{'network':[],'nics':[]}|network|expected an object, got an array",
      "{" + NET + "},'nics':{}}|nics|expected an array, got an object",
      "{" + NET + "},'nics':[" + NIC + "},'x']}|nics[1]|expected an object, got a string",
      "{" + NET + "},'nics':[" + NIC + ",'ipv4':['10.0.0.01']}]}|nics[0].ipv4[0]|expected dotted-decimal ipv4"
          + " (0..255, no leading zeros), got \"10.0.0.01\"",
      "{" + NET + "},'nics':[" + NIC + "}," + NIC + "}]}|nics[1]|expected a unique entry, got a second"
          + " 9c5b94b1-35ad-49bb-b118-8e8fc24abf80",
      "[]|body|expected an object, got an array",
      "{" + NET + "},'nics':[]} {}|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 120",
      "{" + NET + "},'nics':[],}|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 119",
      "''|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 1"})
  void refusals(String text, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> ApplyFile.parse(text.replace('\'', '"')));
    assertEquals(field + ": " + problem, e.getMessage());
    assertEquals(field, e.field());
  }
}
