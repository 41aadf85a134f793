package org.linuxrouter.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * Every way a body can be wrong, with the exact error the daemon will put in its 400. Inputs use
 * single quotes for readability; they are turned into double quotes before decoding.
 */
class StrictDecodingTest {
  private static final String NET = "'uuid':'3f2504e0-4f89-11d3-9a0c-0305e82c3301','segment':'vlan://100',"
      + "'gateway4':'10.1.1.1/24'";
  private static final String NIC = "'uuid':'9c5b94b1-35ad-49bb-b118-8e8fc24abf80','mac':'02:00:4c:4f:4f:50'";
  private static final String STATUS = "'status':{'desiredRevision':1,'appliedRevision':0,'conditions':[]}";
  private final JsonCodec codec = new JsonCodec();

  private static String json(String quoted) {
    return quoted.replace('\'', '"');
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{" + NET + ",'vlan':100}|vlan|expected only the fields uuid, name, segment, trunk, gateway4, gateway6, mtu,"
          + " proxyMode, services, dnsServers, domain, vxlan, got an unknown field",
      "{" + NET + ",'segment':'vlan://101'}|segment|expected each field once, got a duplicate key",
      "{" + NET + ",'mtu':'1500'}|mtu|expected a number, got a string",
      "{" + NET + ",'mtu':1500.0}|mtu|expected an integer without fraction or exponent, got 1500.0",
      "{" + NET + ",'mtu':15e2}|mtu|expected an integer without fraction or exponent, got 15e2",
      "{" + NET + ",'mtu':-0}|mtu|expected an integer without fraction or exponent, got -0",
      "{" + NET + ",'mtu':99999999999}|mtu|expected a 32-bit integer, got 99999999999",
      "{" + NET + ",'mtu':99999999999999999999}|mtu|expected an integer without fraction or exponent, got"
          + " 99999999999999999999",
      "{" + NET + ",'mtu':67}|mtu|expected 68..65535, got 67",
      "{" + NET + ",'mtu':null}|mtu|expected a number, got null",
      "{" + NET + ",'name':null}|name|expected a string, got null",
      "{" + NET + ",'trunk':['bond0']}|trunk|expected a string, got an array",
      "{" + NET + ",'trunk':'bond0:1'}|trunk|expected only [A-Za-z0-9._-], got \"bond0:1\"",
      "{" + NET + ",'proxyMode':'PER_ADDRESS'}|proxyMode|expected per-address or interface, got \"PER_ADDRESS\"",
      "{" + NET + ",'gateway6':'10.2.2.1/24'}|gateway6|expected an ipv6 gateway, got 10.2.2.1/24",
      "{'uuid':'3f2504e0-4f89-11d3-9a0c-0305e82c3301','segment':'vlan://100'}|gateway4|expected a value, got none",
      "{'uuid':'3f2504e0-4f89-11d3-9a0c-0305e82c3301','segment':'vlan://4095','gateway4':'10.1.1.1/24'}"
          + "|segment|expected vlan id 1..4094, got 4095",
      "{'uuid':'3f2504e0-4f89-11d3-9a0c-0305e82c3301','segment':'vlan://100','gateway4':'10.1.1.0/24'}"
          + "|gateway4|expected a host address of 10.1.1.0/24, got its network address 10.1.1.0",
      "{'uuid':'3F2504E0-4f89-11d3-9a0c-0305e82c3301','segment':'vlan://100','gateway4':'10.1.1.1/24'}"
          + "|uuid|expected a lower-case uuid like 3f2504e0-4f89-11d3-9a0c-0305e82c3301, got"
          + " \"3F2504E0-4f89-11d3-9a0c-0305e82c3301\"",
      "{'uuid':true,'segment':'vlan://100','gateway4':'10.1.1.1/24'}|uuid|expected a string, got a boolean",
      "[]|body|expected an object, got an array",
      "\"vlan://100\"|body|expected an object, got a string",
      "{" + NET + "} {}|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 98",
      "{" + NET + ",}|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 97",
      "{" + NET + "|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 95",
      "{uuid:'3f2504e0-4f89-11d3-9a0c-0305e82c3301'}|body|expected well-formed json (rfc 8259), got a syntax error"
          + " at line 1 column 3",
      "{" + NET + ",'mtu':NaN}|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 102",
      "{" + NET + ",'mtu':01500}|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 102",
      "{" + NET + "/* c */}|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 96",
      "''|body|expected well-formed json (rfc 8259), got a syntax error at line 1 column 1"})
  void networkSpecRefusals(String body, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> codec.decodeNetworkSpec(json(body)));
    assertEquals(field + ": " + problem, e.getMessage());
    assertEquals(field, e.field());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{" + NIC + ",'ipv4':['203.0.113.1','010.0.0.1']}|ipv4[1]|expected dotted-decimal ipv4 (0..255, no leading"
          + " zeros), got \"010.0.0.1\"",
      "{" + NIC + ",'ipv4':'203.0.113.1'}|ipv4|expected an array, got a string",
      "{" + NIC + ",'ipv4':[1]}|ipv4[0]|expected a string, got a number",
      "{" + NIC + ",'ipv6':['10.0.0.1']}|ipv6[0]|expected an ipv6 address, got 10.0.0.1",
      "{" + NIC + ",'ipv4':['203.0.113.1','203.0.113.1']}|ipv4[1]|expected a unique entry, got a second 203.0.113.1",
      "{" + NIC + ",'ip':[]}|ip|expected only the fields uuid, mac, ipv4, ipv6, hostname, defaultNic, dhcpOptions, metadata,"
          + " sshPublicKeys, userData, password, got an unknown field",
      "{'uuid':'9c5b94b1-35ad-49bb-b118-8e8fc24abf80'}|mac|expected a value, got none"})
  void nicSpecRefusals(String body, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> codec.decodeNicSpec(json(body)));
    assertEquals(field + ": " + problem, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'spec':{" + NET + ",'x':1},'nics':[]," + STATUS + "}|spec.x|expected only the fields uuid, name, segment,"
          + " trunk, gateway4, gateway6, mtu, proxyMode, services, dnsServers, domain, vxlan, got an unknown field",
      "{'spec':{" + NET + "},'nics':[{" + NIC + ",'mac':'x'}]," + STATUS + "}|nics[0].mac|expected each field once,"
          + " got a duplicate key",
      "{'spec':{" + NET + "},'nics':[{" + NIC + ",'ipv4':['1.1.1.01']}]," + STATUS + "}|nics[0].ipv4[0]|expected"
          + " dotted-decimal ipv4 (0..255, no leading zeros), got \"1.1.1.01\"",
      "{'spec':{" + NET + ",'mtu':1e3},'nics':[]," + STATUS + "}|spec.mtu|expected an integer without fraction or"
          + " exponent, got 1e3",
      "{'spec':{'uuid':'3f2504e0-4f89-11d3-9a0c-0305e82c3301'},'nics':[]," + STATUS + "}|spec.segment|expected a"
          + " value, got none",
      "{'spec':{" + NET + "},'nics':[]}|status|expected a value, got none",
      "{'spec':{" + NET + "},'nics':[],'status':{'desiredRevision':1,'appliedRevision':2,'conditions':[]}}"
          + "|status.appliedRevision|expected 0..1, got 2",
      "{'spec':{" + NET + "},'nics':[],'status':{'desiredRevision':1,'appliedRevision':1,'conditions':[{'type':"
          + "'Applied','status':'yes','reason':'R','message':'','since':'2026-01-02T03:04:05Z'}]}}"
          + "|status.conditions[0].status|expected True, False or Unknown, got \"yes\"",
      "{'spec':{" + NET + "},'nics':[],'status':{'desiredRevision':1,'appliedRevision':1,'conditions':[{'type':"
          + "'Applied','status':'True','reason':'R','message':'','since':'2026-01-02T03:04:05+01:00'}]}}"
          + "|status.conditions[0].since|expected an rfc 3339 utc time like 2026-01-02T03:04:05Z, got"
          + " \"2026-01-02T03:04:05+01:00\""})
  void nestedErrorsNameTheFullPath(String body, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> codec.decodeNetworkState(json(body)));
    assertEquals(field + ": " + problem, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'networks':[],'next':'x'}|next|expected only the fields networks, got an unknown field",
      "{}|networks|expected a value, got none",
      "{'networks':{}}|networks|expected an array, got an object"})
  void networkListRefusals(String body, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> codec.decodeNetworkList(json(body)));
    assertEquals(field + ": " + problem, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{'title':'t','status':200}|status|expected 400..599, got 200",
      "{'title':'t','status':404,'instance':'/x'}|instance|expected only the fields type, title, status, detail,"
          + " field, got an unknown field",
      "{'version':'1','networks':-1,'nics':0,'drifted':[]}|networks|expected 0..2147483647, got -1"})
  void problemAndStatusRefusals(String body, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> {
      if (body.contains("title")) {
        codec.decodeProblem(json(body));
      } else {
        codec.decodeRouterStatus(json(body));
      }
    });
    assertEquals(field + ": " + problem, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}|steps|expected a value, got none",
      "{'steps':[],'next':1}|next|expected only the fields steps, got an unknown field",
      "{'steps':[{'action':'create link eth1.100'}]}|steps[0].network|expected a uuid or \"\" for a host-wide step,"
          + " got none",
      "{'steps':[{'network':'','action':''}]}|steps[0].action|expected 1..512 characters, got 0",
      "{'steps':[{'network':''}]}|steps[0].action|expected a value, got none",
      "{'steps':[{'network':null,'action':'x'}]}|steps[0].network|expected a string, got null",
      "{'steps':[{'network':'host','action':'x'}]}|steps[0].network|expected a lower-case uuid like"
          + " 3f2504e0-4f89-11d3-9a0c-0305e82c3301, got \"host\"",
      "{'steps':[{'network':'','action':'x','why':'y'}]}|steps[0].why|expected only the fields network, action,"
          + " got an unknown field",
      "{'steps':[{'network':'','action':'a\\nb'}]}|steps[0].action|expected no control characters, got one at"
          + " index 1",
      "{'steps':{}}|steps|expected an array, got an object"})
  void planRefusals(String body, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> codec.decodePlan(json(body)));
    assertEquals(field + ": " + problem, e.getMessage());
    assertEquals(field, e.field());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{}|sha256|expected a value, got none",
      "{'sha256':'ABCDEF'}|sha256|expected the SHA-256 of the password as 64 lower-case hex digits, got \"ABCDEF\"",
      "{'sha256':'BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD'}|sha256|expected the SHA-256 of"
          + " the password as 64 lower-case hex digits, got \"BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD\"",
      "{'sha256':1}|sha256|expected a string, got a number",
      "{'password':'x'}|password|expected only the fields sha256, got an unknown field",
      "{'sha256':null}|sha256|expected a string, got null",
      "{'sha256':'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad','sha256':'x'}|sha256|expected each field once, got a duplicate key",
      "{'splitBrain':'yes'}|splitBrain|-"})
  void passwordAckAndPairRefusals(String body, String field, String problem) {
    ValidationException e = assertThrows(ValidationException.class, () -> {
      if (body.contains("splitBrain")) {
        codec.decodeRouterStatus(json("{'version':'1','networks':0,'nics':0,'drifted':[],'pair':{'role':'MASTER',"
            + "'transitions':0,'keepalivedRestarts':0,'splitBrain':true}}"));
      } else {
        codec.decodePasswordAck(json(body));
      }
    });
    if (body.contains("splitBrain")) {
      assertEquals("pair.splitBrain: expected a peer to be both MASTER with, got no peer", e.getMessage());
    } else {
      assertEquals(field + ": " + problem, e.getMessage());
    }
  }

  @org.junit.jupiter.api.Test
  void aPasswordAckMatchesOnlyItsPassword() {
    org.linuxrouter.protocol.model.PasswordAck ack = codec.decodePasswordAck(codec.encode(
        org.linuxrouter.protocol.model.PasswordAck.of(org.linuxrouter.protocol.model.Secret.of("Xk3-pw"))));
    assertEquals(true, ack.matches(org.linuxrouter.protocol.model.Secret.of("Xk3-pw")));
    assertEquals(false, ack.matches(org.linuxrouter.protocol.model.Secret.of("Xk3-pw2")));
    // the well-known SHA-256 of "abc": the wire form is plain lower-case hex of the UTF-8 bytes
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        org.linuxrouter.protocol.model.PasswordAck.of(org.linuxrouter.protocol.model.Secret.of("abc")).sha256());
  }
}
