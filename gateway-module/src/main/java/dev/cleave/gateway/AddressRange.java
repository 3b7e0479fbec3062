package dev.cleave.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation, IPv4 ({@code 10.0.0.0/8}) or IPv6 ({@code
 * 2001:db8::/32}); an address without a prefix length is a block of one. An IPv4 address written as
 * IPv6 ({@code ::ffff:10.0.0.1}) is the IPv4 address.
 */
final class AddressRange {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefixLength;
  private final String text;

  private AddressRange(byte[] network, int prefixLength, String text) {
    this.network = network;
    this.prefixLength = prefixLength;
    this.text = text;
  }

  /**
   * @throws IllegalArgumentException when {@code cidr} is not an address or an address block
   */
  static AddressRange parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String base = slash < 0 ? text : text.substring(0, slash);
    byte[] address =
        literal(base)
            .orElseThrow(
                () -> new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR"));
    int bits = address.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length", e);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0 to " + bits);
    }
    if (!Arrays.equals(masked(address, prefix), address)) {
      throw new IllegalArgumentException(
          "'" + cidr + "' has bits set past its prefix; did you mean a network address?");
    }
    return new AddressRange(address, prefix, text);
  }

  /**
   * The bytes of an IP address literal (4 or 16), or empty when {@code text} is not one. Never
   * looks a name up: anything but a literal is empty.
   */
  @SuppressWarnings("AddressSelection") // a literal only (checked above): no name is resolved
  static Optional<byte[]> literal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String address = text.strip();
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    int zone = address.indexOf('%');
    if (zone >= 0) {
      address = address.substring(0, zone);
    }
    if (IPV4.matcher(address).matches()) {
      String[] octets = address.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(octets[i]);
        if (octet > 255) {
          return Optional.empty();
        }
        bytes[i] = (byte) octet;
      }
      return Optional.of(bytes);
    }
    if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
      // With a colon, InetAddress parses an IPv6 literal and never resolves a name.
      try {
        return Optional.of(InetAddress.getByName(address).getAddress());
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  boolean contains(byte[] address) {
    return address.length == network.length
        && Arrays.equals(masked(address, prefixLength), network);
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] masked = new byte[address.length];
    for (int i = 0; i < address.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] = (byte) (address[i] & (0xff << (8 - keep)));
    }
    return masked;
  }

  @Override
  public String toString() {
    return text;
  }
}
