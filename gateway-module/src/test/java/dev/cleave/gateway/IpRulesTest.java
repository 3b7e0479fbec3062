package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpRulesTest {

  @Test
  void theGlobalDenyListRefusesItsBlocksEverywhere() {
    IpRules rules = IpRules.parse("", "203.0.113.0/24, 2001:db8:dead::/48", "");
    assertThat(rules.refusal("GET", "/api/v1/products", "203.0.113.9")).contains("deny");
    assertThat(rules.refusal("GET", "/api/v1/products", "2001:db8:dead::1")).contains("deny");
    assertThat(rules.refusal("GET", "/api/v1/products", "203.0.114.9")).isEmpty();
    assertThat(rules.refusal("GET", "/api/v1/products", "2001:db8:beef::1")).isEmpty();
  }

  @Test
  void theGlobalAllowListAdmitsItsBlocksOnly() {
    IpRules rules = IpRules.parse("10.0.0.0/8, fd00::/8", "10.66.0.0/16", "");
    assertThat(rules.refusal("GET", "/api/v1/orders", "10.1.2.3")).isEmpty();
    assertThat(rules.refusal("GET", "/api/v1/orders", "fd12::1")).isEmpty();
    assertThat(rules.refusal("GET", "/api/v1/orders", "192.0.2.1")).contains("allow");
    assertThat(rules.refusal("GET", "/api/v1/orders", "10.66.0.1"))
        .as("denied inside the allowed network")
        .contains("deny");
  }

  @Test
  void aPathsListAppliesToThatPathOnlyAndEveryListThatCoversARequestMustAgree() {
    IpRules rules =
        IpRules.parse(
            "",
            "",
            "allow /api/v1/admin/** 10.0.0.0/8 ::1, deny POST /api/v1/orders 198.51.100.0/24");
    assertThat(rules.refusal("GET", "/api/v1/admin/orders", "10.0.0.5")).isEmpty();
    assertThat(rules.refusal("GET", "/api/v1/admin/orders", "::1")).isEmpty();
    assertThat(rules.refusal("GET", "/api/v1/admin/orders", "192.0.2.1"))
        .contains("allow /api/v1/admin/**");
    assertThat(rules.refusal("GET", "/api/v1/admin", "192.0.2.1")).isPresent();
    assertThat(rules.refusal("GET", "/api/v1/orders", "192.0.2.1")).isEmpty();
    assertThat(rules.refusal("POST", "/api/v1/orders", "198.51.100.4"))
        .contains("deny POST /api/v1/orders");
    assertThat(rules.refusal("GET", "/api/v1/orders", "198.51.100.4")).isEmpty();
  }

  @Test
  void anAddressThatIsNoLiteralPassesOnlyWhereNoListApplies() {
    IpRules rules = IpRules.parse("", "", "allow /api/v1/admin/** 10.0.0.0/8");
    assertThat(rules.refusal("GET", "/api/v1/admin/orders", "unknown")).isPresent();
    assertThat(rules.refusal("GET", "/api/v1/products", "unknown")).isEmpty();
    assertThat(IpRules.parse("", "", "").isEmpty()).isTrue();
    assertThat(IpRules.parse("", "", "").refusal("GET", "/x", "unknown")).isEmpty();
  }

  @Test
  void malformedConfigurationIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> IpRules.parse("10.0.0.0/40", "", ""))
        .hasMessageStartingWith("cleave.gateway.ip.allow");
    assertThatThrownBy(() -> IpRules.parse("", "nope", ""))
        .hasMessageStartingWith("cleave.gateway.ip.deny");
    for (String rule :
        new String[] {
          "permit /api 10.0.0.0/8",
          "allow /api",
          "allow GET /api",
          "allow api 10.0.0.0/8",
          "allow /api/*/x 10.0.0.0/8",
          "allow /api 10.0.0.0/99"
        }) {
      assertThatThrownBy(() -> IpRules.parse("", "", rule))
          .as(rule)
          .hasMessageStartingWith("cleave.gateway.ip.rules");
    }
  }
}
