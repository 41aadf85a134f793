package org.linuxrouter.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linuxrouter.protocol.model.DhcpOption;
import org.linuxrouter.protocol.model.Fixtures;
import org.linuxrouter.protocol.model.NetworkState;
import org.linuxrouter.protocol.model.NicSpec;
import org.linuxrouter.protocol.model.Secret;
import org.linuxrouter.protocol.model.ValidationException;

/**
 * The guest-service fields of a NIC and a network: every bad value is refused naming its field, nothing that
 * could be syntax in a dnsmasq host or option file gets through, and secrets never appear in an answer, an
 * error or a log line.
 */
class GuestFieldsDecodingTest {
  private static final String NIC = "'uuid':'9c5b94b1-35ad-49bb-b118-8e8fc24abf80','mac':'02:00:4c:4f:4f:50'";
  private static final String NET = "'uuid':'3f2504e0-4f89-11d3-9a0c-0305e82c3301','segment':'vlan://100',"
      + "'gateway4':'10.1.1.1/24'";
  private final JsonCodec codec = new JsonCodec();

  private static String json(String quoted) {
    return quoted.replace('\'', '"');
  }

  private ValidationException refusedNic(String body) {
    return assertThrows(ValidationException.class, () -> codec.decodeNicSpec(json("{" + NIC + "," + body + "}")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'hostname':'web\\n1'|hostname",
      "'hostname':'web,1'|hostname",
      "'hostname':'web#1'|hostname",
      "'hostname':'web 1'|hostname",
      "'hostname':'-web'|hostname",
      "'hostname':'web.example'|hostname",
      "'hostname':''|hostname",
      "'hostname':'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'|hostname",
      "'defaultNic':'yes'|defaultNic",
      "'dhcpOptions':[{'code':0,'value':'x'}]|dhcpOptions[0].code",
      "'dhcpOptions':[{'code':255,'value':'x'}]|dhcpOptions[0].code",
      "'dhcpOptions':[{'code':53,'value':'1'}]|dhcpOptions[0].code",
      "'dhcpOptions':[{'code':'66','value':'x'}]|dhcpOptions[0].code",
      "'dhcpOptions':[{'code':66.5,'value':'x'}]|dhcpOptions[0].code",
      "'dhcpOptions':[{'value':'x'}]|dhcpOptions[0].code",
      "'dhcpOptions':[{'code':66}]|dhcpOptions[0].value",
      "'dhcpOptions':[{'code':66,'value':'a\\nb'}]|dhcpOptions[0].value",
      "'dhcpOptions':[{'code':66,'value':'a#b'}]|dhcpOptions[0].value",
      "'dhcpOptions':[{'code':66,'value':'a\\\"b'}]|dhcpOptions[0].value",
      "'dhcpOptions':[{'code':66,'value':'a\\\\b'}]|dhcpOptions[0].value",
      "'dhcpOptions':[{'code':66,'value':' a'}]|dhcpOptions[0].value",
      "'dhcpOptions':[{'code':66,'value':''}]|dhcpOptions[0].value",
      "'dhcpOptions':[{'code':66,'value':'a','x':1}]|dhcpOptions[0].x",
      "'dhcpOptions':[{'code':66,'value':'a'},{'code':66,'value':'b'}]|dhcpOptions[1]",
      "'metadata':{'../etc':'x'}|metadata",
      "'metadata':{'a/b':'x'}|metadata",
      "'metadata':{'user-data':'x'}|metadata.user-data",
      "'metadata':{'public-keys':'x'}|metadata.public-keys",
      "'metadata':{'instance-id':'a\\nb'}|metadata.instance-id",
      "'metadata':{'instance-id':1}|metadata.instance-id",
      "'sshPublicKeys':['ssh-rsa AAAA\\nssh-rsa BBBB']|sshPublicKeys[0]",
      "'sshPublicKeys':['']|sshPublicKeys[0]",
      "'userData':'not base64!'|userData",
      "'userData':'YWJj\\nZGVm'|userData",
      "'userData':'YWJjZA'|userData",
      "'userData':''|userData",
      "'password':'pw\\nx'|password",
      "'password':''|password",
      "'passwordSet':true|passwordSet",
      "'userDataSet':true|userDataSet"})
  void badGuestFieldsAreRefusedNamingTheField(String body, String field) {
    assertEquals(field, refusedNic(body).field());
  }

  @Test
  void userDataUpToCloudStacksCeilingIsAcceptedAndOneMoreIsNot() {
    char[] max = new char[NicSpec.MAX_USER_DATA];
    Arrays.fill(max, 'A');
    String ok = new String(max);
    NicSpec nic = codec.decodeNicSpec(json("{" + NIC + ",'userData':'" + ok + "'}"));
    assertEquals(ok, nic.userData().orElseThrow().reveal());
    ValidationException e = refusedNic("'userData':'" + ok + "AAAA'");
    assertEquals("userData", e.field());
    assertTrue(e.getMessage().contains("1048576"), e.getMessage());
  }

  @Test
  void secretsNeverAppearInErrorsOrToString() {
    ValidationException e = refusedNic("'password':'hunter2\\u0007','userData':'c2VjcmV0'");
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    NicSpec nic = codec.decodeNicSpec(json("{" + NIC + ",'password':'hunter2','userData':'c2VjcmV0LWRhdGE='}"));
    assertFalse(nic.toString().contains("hunter2"), nic.toString());
    assertFalse(nic.toString().contains("c2VjcmV0"), nic.toString());
    assertEquals("(secret)", nic.password().orElseThrow().toString());
  }

  @Test
  void answersCarryFlagsInPlaceOfSecrets() {
    NetworkState state = Fixtures.state();
    NetworkState shown = state.newBuilder().nics(Arrays.asList(Fixtures.nicA().redacted(), Fixtures.nicB())).build();
    String answer = codec.encode(shown);
    assertFalse(answer.contains("s3cret-Pw"), answer);
    assertFalse(answer.contains("I2Nsb3VkLWNvbmZpZwo="), answer);
    assertTrue(answer.contains("\"userDataSet\":true") && answer.contains("\"passwordSet\":true"), answer);
    NicSpec read = codec.decodeNetworkState(answer).nics().get(0);
    assertEquals(Secret.REDACTED, read.password().orElseThrow());
    assertEquals(Fixtures.nicA().redacted(), read);
    assertEquals("passwordSet", assertThrows(ValidationException.class,
        () -> codec.decodeNetworkState(answer.replace("\"passwordSet\":true", "\"passwordSet\":false"))).field()
        .replaceFirst("^nics\\[0\\]\\.", ""));
  }

  @Test
  void defaultsKeepOldBodiesValid() {
    NicSpec nic = codec.decodeNicSpec(json("{" + NIC + "}"));
    assertTrue(nic.defaultNic());
    assertTrue(nic.hostname().isEmpty() && nic.dhcpOptions().isEmpty() && nic.metadata().isEmpty());
    assertTrue(nic.userData().isEmpty() && nic.password().isEmpty() && nic.sshPublicKeys().isEmpty());
    assertTrue(codec.decodeNetworkSpec(json("{" + NET + "}")).services().isEmpty());
  }

  @Test
  void dhcpOptionsKeepTheirOrderAndValues() {
    NicSpec nic = codec.decodeNicSpec(json("{" + NIC + ",'dhcpOptions':[{'code':67,'value':'pxelinux.0'},"
        + "{'code':66,'value':'10.0.0.5'},{'code':119,'value':'a.example,b.example'}]}"));
    assertEquals(List.of(DhcpOption.of(67, "pxelinux.0"), DhcpOption.of(66, "10.0.0.5"),
        DhcpOption.of(119, "a.example,b.example")), nic.dhcpOptions());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'services':['dhcp','ntp']|services[1]",
      "'dnsServers':['127.0.0.1']|dnsServers[0]",
      "'dnsServers':['8.8.8.8','8.8.8.8']|dnsServers[1]",
      "'dnsServers':['1.1.1.1','1.0.0.1','8.8.8.8','8.8.4.4','9.9.9.9']|dnsServers",
      "'domain':'cloud nine'|domain",
      "'domain':'a..b'|domain",
      "'domain':'x\\ny'|domain"})
  void badNetworkServiceFieldsAreRefused(String body, String field) {
    assertEquals(field, assertThrows(ValidationException.class,
        () -> codec.decodeNetworkSpec(json("{" + NET + "," + body + "}"))).field());
  }
}
