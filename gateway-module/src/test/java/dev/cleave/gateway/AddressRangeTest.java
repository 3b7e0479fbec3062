package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

  private static byte[] address(String literal) {
    return AddressRange.literal(literal).orElseThrow();
  }

  @Test
  void ipv4BlocksHoldTheirAddressesOnly() {
    AddressRange range = AddressRange.parse("10.1.0.0/16");
    assertThat(range.contains(address("10.1.0.0"))).isTrue();
    assertThat(range.contains(address("10.1.255.255"))).isTrue();
    assertThat(range.contains(address("10.2.0.1"))).isFalse();
    assertThat(range.contains(address("::ffff:10.1.2.3"))).as("IPv4 written as IPv6").isTrue();
    assertThat(range.contains(address("2001:db8::1"))).isFalse();
    assertThat(AddressRange.parse("192.0.2.7").contains(address("192.0.2.7"))).isTrue();
    assertThat(AddressRange.parse("192.0.2.7").contains(address("192.0.2.8"))).isFalse();
    assertThat(AddressRange.parse("0.0.0.0/0").contains(address("198.51.100.1"))).isTrue();
    assertThat(AddressRange.parse("10.0.0.0/9").contains(address("10.127.0.1"))).isTrue();
    assertThat(AddressRange.parse("10.0.0.0/9").contains(address("10.128.0.1"))).isFalse();
  }

  @Test
  void ipv6BlocksHoldTheirAddressesOnly() {
    AddressRange range = AddressRange.parse("2001:db8:ab::/48");
    assertThat(range.contains(address("2001:db8:ab:1::7"))).isTrue();
    assertThat(range.contains(address("[2001:db8:ab::1]"))).as("bracketed").isTrue();
    assertThat(range.contains(address("2001:db8:ac::1"))).isFalse();
    assertThat(range.contains(address("10.0.0.1"))).isFalse();
    assertThat(AddressRange.parse("::1").contains(address("0:0:0:0:0:0:0:1"))).isTrue();
    assertThat(AddressRange.parse("fe80::/10").contains(address("fe80::1%eth0"))).isTrue();
  }

  @Test
  void onlyLiteralsAreAddressesAndNoNameIsLookedUp() {
    assertThat(AddressRange.literal("localhost")).isEmpty();
    assertThat(AddressRange.literal("example.com")).isEmpty();
    assertThat(AddressRange.literal("256.1.1.1")).isEmpty();
    assertThat(AddressRange.literal("1.2.3")).isEmpty();
    assertThat(AddressRange.literal("2001:db8::g")).isEmpty();
    assertThat(AddressRange.literal("")).isEmpty();
    assertThat(AddressRange.literal(null)).isEmpty();
  }

  @Test
  void malformedBlocksAreRefusedWithTheReason() {
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/33")).hasMessageContaining("0 to 32");
    assertThatThrownBy(() -> AddressRange.parse("2001:db8::/129")).hasMessageContaining("0 to 128");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.1/8"))
        .hasMessageContaining("network address");
    assertThatThrownBy(() -> AddressRange.parse("intranet/8")).hasMessageContaining("not an IP");
    assertThatThrownBy(() -> AddressRange.parse("10.0.0.0/x"))
        .hasMessageContaining("prefix length");
  }
}
