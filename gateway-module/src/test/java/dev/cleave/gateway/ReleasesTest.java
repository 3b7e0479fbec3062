package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleasesTest {

  private static final Map<String, List<URI>> URLS =
      Map.of(
          "product", List.of(URI.create("http://127.0.0.1:1")),
          "order", List.of(URI.create("http://127.0.0.1:2")),
          "product-v2", List.of(URI.create("http://127.0.0.1:3")));

  private static Releases parse(String releases, String shadows) {
    return Releases.parse(releases, shadows, EdgeFixtures.ROUTES, URLS);
  }

  private static long candidates(Releases.Release release, int callers) {
    return IntStream.range(0, callers)
        .filter(i -> release.picksCandidate("sub:customer-" + i, null))
        .count();
  }

  @Test
  void aCanaryGetsItsShareOfCallersAndEachCallerStaysOnOneVersion() {
    Releases.Release release =
        parse("/api/v1/products product-v2 10", "").of("/api/v1/products").orElseThrow();
    assertThat(candidates(release, 10_000)).isBetween(900L, 1100L);
    for (int i = 0; i < 100; i++) {
      boolean first = release.picksCandidate("sub:customer-" + i, null);
      assertThat(release.picksCandidate("sub:customer-" + i, null)).isEqualTo(first);
    }
    assertThat(parse("", "").of("/api/v1/products")).isEmpty();
  }

  @Test
  void wideningTheShareOnlyMovesCallersOntoTheCandidate() {
    Releases.Release release =
        parse("/api/v1/products product-v2 5", "").of("/api/v1/products").orElseThrow();
    List<Integer> onCanary =
        IntStream.range(0, 2_000)
            .filter(i -> release.picksCandidate("sub:c" + i, null))
            .boxed()
            .toList();
    release.percent(50);
    assertThat(onCanary).allMatch(i -> release.picksCandidate("sub:c" + i, null));
    release.percent(100);
    assertThat(candidates(release, 1_000)).as("blue/green switched").isEqualTo(1_000);
    release.percent(0);
    assertThat(candidates(release, 1_000)).as("rolled back").isZero();
  }

  @Test
  void aTesterPicksTheVersionWithTheHeader() {
    Releases.Release release =
        parse("/api/v1/products product-v2 0", "").of("/api/v1/products").orElseThrow();
    assertThat(release.picksCandidate("sub:tester", "candidate")).isTrue();
    release.percent(100);
    assertThat(release.picksCandidate("sub:tester", "Stable")).isFalse();
    assertThat(release.picksCandidate("sub:tester", "something-else")).isTrue();
  }

  @Test
  void theCandidateAndShadowUpstreamsGetPools() {
    Releases releases = parse("/api/v1/products product-v2 5", "/api/v1/orders product-v2 10");
    assertThat(releases.upstreams()).containsOnlyKeys("product-v2");
    assertThat(releases.shadowOf("/api/v1/orders").orElseThrow().percent()).isEqualTo(10);
    assertThat(Releases.bucket("request-1")).isEqualTo(Releases.bucket("request-1"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/products product-v2 | is not 'ROUTE UPSTREAM PERCENT'",
        "/api/v1/products product-v2 5% | is not 'ROUTE UPSTREAM PERCENT'",
        "/api/v1/products product-v2 101 | a percentage is 0 to 100, not 101",
        "/api/v2/products product-v2 5 | names no route",
        "/api/v1/products product-v3 5 | without a URL: set cleave.gateway.upstream.product-v3",
        "/api/v1/products product-v2 5, /api/v1/products order 5 | has two releases",
      })
  void aMalformedReleaseStopsTheGatewayNamingIt(String spec, String why) {
    assertThatThrownBy(() -> parse(spec, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cleave.gateway.releases")
        .hasMessageContaining(why);
  }

  @Test
  void aMalformedShadowStopsTheGatewayNamingIt() {
    assertThatThrownBy(() -> parse("", "/api/v1/orders nowhere 10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cleave.gateway.shadows");
  }

  @Test
  void aShadowTakesItsShareOfRollsWhateverTheRequestSays() {
    Releases.Shadow shadow =
        parse("", "/api/v1/orders product-v2 10").shadowOf("/api/v1/orders").orElseThrow();
    assertThat(IntStream.range(0, 100).filter(shadow::picks).count()).isEqualTo(10);
    assertThat(shadow.picks(9)).isTrue();
    assertThat(shadow.picks(10)).isFalse();
  }
}
