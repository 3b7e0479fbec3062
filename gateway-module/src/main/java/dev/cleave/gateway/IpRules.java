package dev.cleave.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * IP allow and deny lists at the edge, applied to the client's address as the trusted-proxy rules
 * derive it ({@link ForwardedHeaders#clientAddress}). Configured by
 *
 * <ul>
 *   <li>{@code cleave.gateway.ip.allow}: addresses and CIDR blocks (IPv4, IPv6) that may use the
 *       gateway at all; empty for every address;
 *   <li>{@code cleave.gateway.ip.deny}: blocks that may not use it;
 *   <li>{@code cleave.gateway.ip.rules}: per route or path, comma-separated {@code allow|deny
 *       [METHOD] /path[/**] CIDR...} ({@link RequestPattern}), e.g. {@code allow /api/v1/admin/**
 *       10.0.0.0/8 fd00::/8} keeps the admin paths to the operators' network.
 * </ul>
 *
 * A request passes when its address is in no deny list that covers it and in every allow list that
 * covers it. An address that is not an IP literal (a proxy's garbage) passes only where no list
 * applies. The gateway's {@code /metrics} is covered as the path {@code /metrics}; {@code
 * /health/*} is not, so that probes work from wherever the platform sends them (keep it off the
 * public side with the network's own rules). {@code /internal/**} is never routed at all.
 */
final class IpRules {

  /** One list: which requests it covers, allow or deny, and its blocks; named for the metrics. */
  private record Rule(
      String name, boolean allow, RequestPattern covers, List<AddressRange> ranges) {
    boolean holds(byte[] address) {
      return ranges.stream().anyMatch(range -> range.contains(address));
    }
  }

  private static final RequestPattern EVERYTHING = RequestPattern.of("*", "/**");

  private final List<Rule> rules;

  private IpRules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * @param allow the global allow list (comma-separated), or empty
   * @param deny the global deny list (comma-separated), or empty
   * @param pathRules the per-path rules, as the class comment says
   * @throws IllegalArgumentException naming the key and entry that is malformed
   */
  static IpRules parse(String allow, String deny, String pathRules) {
    List<Rule> rules = new ArrayList<>();
    List<AddressRange> denied = ranges("cleave.gateway.ip.deny", split(deny, ","));
    if (!denied.isEmpty()) {
      rules.add(new Rule("deny", false, EVERYTHING, denied));
    }
    List<AddressRange> allowed = ranges("cleave.gateway.ip.allow", split(allow, ","));
    if (!allowed.isEmpty()) {
      rules.add(new Rule("allow", true, EVERYTHING, allowed));
    }
    for (String entry : split(pathRules, ",")) {
      List<String> parts = split(entry, "\\s+");
      boolean withMethod = parts.size() > 1 && !parts.get(1).startsWith("/");
      int firstRange = withMethod ? 3 : 2;
      if (parts.size() <= firstRange
          || !(parts.get(0).equals("allow") || parts.get(0).equals("deny"))) {
        throw new IllegalArgumentException(
            "cleave.gateway.ip.rules: '" + entry + "' is not 'allow|deny [METHOD] /path CIDR...'");
      }
      RequestPattern covers;
      try {
        covers = RequestPattern.of(withMethod ? parts.get(1) : "*", parts.get(firstRange - 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cleave.gateway.ip.rules: " + e.getMessage(), e);
      }
      boolean allows = parts.get(0).equals("allow");
      rules.add(
          new Rule(
              parts.get(0) + " " + covers,
              allows,
              covers,
              ranges("cleave.gateway.ip.rules", parts.subList(firstRange, parts.size()))));
    }
    return new IpRules(rules);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The name of the list that refuses this request ({@code deny}, {@code allow} for the global
   * lists, {@code allow /api/v1/admin/**} for a path's), or empty when it passes.
   */
  Optional<String> refusal(String method, String path, String clientAddress) {
    Optional<byte[]> address = AddressRange.literal(clientAddress);
    for (Rule rule : rules) {
      if (!rule.covers().matches(method, path)) {
        continue;
      }
      if (address.isEmpty() || rule.holds(address.get()) != rule.allow()) {
        return Optional.of(rule.name());
      }
    }
    return Optional.empty();
  }

  /** The lists, for the start-up log; empty when there are none. */
  Optional<String> describe() {
    return rules.isEmpty()
        ? Optional.empty()
        : Optional.of(
            rules.stream().map(rule -> rule.name() + " " + rule.ranges()).toList().toString());
  }

  private static List<AddressRange> ranges(String key, List<String> entries) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String entry : entries) {
      try {
        ranges.add(AddressRange.parse(entry));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
      }
    }
    return ranges;
  }

  private static List<String> split(String spec, String separator) {
    List<String> parts = new ArrayList<>();
    for (String raw : spec == null ? new String[0] : spec.strip().split(separator)) {
      if (!raw.isBlank()) {
        parts.add(raw.strip());
      }
    }
    return parts;
  }
}
