package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Exact, because time is a counter the test moves. */
class UpstreamPoolTest {

  private static final URI A = URI.create("http://a:1");
  private static final URI B = URI.create("http://b:2");
  private static final URI C = URI.create("http://c:3");

  private final AtomicLong clock = new AtomicLong(42);

  /** The names of these tests resolve to nothing: each URL is one instance. */
  private static final UpstreamPool.Resolver NO_DNS =
      host -> {
        throw new UnknownHostException(host);
      };

  private final UpstreamPool pool =
      new UpstreamPool("product", List.of(A, B, C), 2, Duration.ofSeconds(10), clock::get, NO_DNS);

  private List<URI> order() {
    return pool.order().stream().map(UpstreamPool.Instance::baseUri).toList();
  }

  private UpstreamPool.Instance instance(URI uri) {
    return pool.order().stream().filter(i -> i.baseUri().equals(uri)).findFirst().orElseThrow();
  }

  @Test
  void takesTurnsAndOffersTheOthersAsFallbacks() {
    assertThat(order()).containsExactly(A, B, C);
    assertThat(order()).containsExactly(B, C, A);
    assertThat(order()).containsExactly(C, A, B);
    assertThat(order()).containsExactly(A, B, C);
  }

  @Test
  void ejectsAfterFailuresInARowAndReadmitsAfterTheCoolDown() {
    UpstreamPool.Instance b = instance(B);
    assertThat(pool.failed(b)).isFalse();
    pool.succeeded(b);
    assertThat(pool.failed(b)).as("the success cleared the record").isFalse();
    assertThat(pool.failed(b)).isTrue();
    for (int i = 0; i < 6; i++) {
      assertThat(order()).doesNotContain(B).hasSize(2);
    }
    assertThat(pool.states())
        .containsExactly("http://a:1=in", "http://b:2=ejected", "http://c:3=in");

    clock.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
    assertThat(order()).doesNotContain(B);
    clock.addAndGet(1);
    assertThat(order()).contains(B);
    assertThat(pool.failed(b)).as("one more failure after the cool-down ejects at once").isTrue();
    assertThat(order()).doesNotContain(B);
    clock.addAndGet(Duration.ofSeconds(10).toNanos());
    pool.succeeded(b);
    assertThat(pool.failed(b)).as("a success in between clears the record").isFalse();
  }

  @Test
  void whenEveryInstanceIsOutAllAreTriedAnyway() {
    for (URI uri : List.of(A, B, C)) {
      UpstreamPool.Instance instance = instance(uri);
      pool.failed(instance);
      pool.failed(instance);
    }
    assertThat(order()).containsExactlyInAnyOrder(A, B, C);
  }

  /** DNS as the test says: each name's current addresses, or none. */
  private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();

  private UpstreamPool named(URI... uris) {
    return new UpstreamPool(
        "product",
        List.of(uris),
        2,
        Duration.ofSeconds(10),
        clock::get,
        host -> {
          List<InetAddress> addresses = dns.get(host);
          if (addresses == null) {
            throw new UnknownHostException(host);
          }
          return addresses;
        });
  }

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByAddress(AddressRange.literal(literal).orElseThrow());
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> addresses(UpstreamPool pool) {
    return pool.order().stream().map(i -> i.address().getHostAddress()).sorted().toList();
  }

  @Test
  void everyAddressBehindANameIsAnInstanceOfItsOwn() {
    URI service = URI.create("http://product.shop.svc:9080");
    dns.put("product.shop.svc", List.of(ip("10.1.0.5"), ip("10.1.0.6")));
    UpstreamPool pool = named(service);
    assertThat(pool.hasNames()).isTrue();
    assertThat(addresses(pool)).containsExactly("10.1.0.5", "10.1.0.6");
    InetAddress first = pool.order().get(0).address();
    InetAddress second = pool.order().get(0).address();
    assertThat(second).as("balanced round robin").isNotEqualTo(first);
    assertThat(pool.states())
        .containsExactlyInAnyOrder(
            "http://product.shop.svc:9080@10.1.0.5=in", "http://product.shop.svc:9080@10.1.0.6=in");
  }

  @Test
  void aRefreshFollowsTheNameAndAnAddressThatStaysKeepsItsRecord() {
    dns.put("product", List.of(ip("10.1.0.5"), ip("10.1.0.6")));
    UpstreamPool pool = named(URI.create("http://product:9080"));
    UpstreamPool.Instance staying =
        pool.order().stream()
            .filter(i -> i.address().getHostAddress().equals("10.1.0.6"))
            .findFirst()
            .orElseThrow();
    pool.failed(staying);
    pool.failed(staying);

    dns.put("product", List.of(ip("10.1.0.6"), ip("10.1.0.7")));
    pool.refresh();
    assertThat(pool.states())
        .containsExactlyInAnyOrder(
            "http://product:9080@10.1.0.6=ejected", "http://product:9080@10.1.0.7=in");

    // DNS away: the pool keeps what it had rather than empty itself.
    dns.remove("product");
    pool.refresh();
    assertThat(addresses(pool)).containsExactly("10.1.0.7");
    assertThat(pool.states()).hasSize(2);
  }

  @Test
  void aNameIsItsFirstAddressFamilyAndALiteralIsNotResolved() {
    dns.put("localhost", List.of(ip("127.0.0.1"), ip("::1")));
    URI literal = URI.create("http://127.0.0.1:9084");
    UpstreamPool pool = named(URI.create("http://localhost:9081"), literal);
    assertThat(pool.states())
        .containsExactlyInAnyOrder(
            "http://localhost:9081@127.0.0.1=in", "http://127.0.0.1:9084=in");
    assertThat(named(literal).hasNames()).isFalse();
  }

  @Test
  void aNameThatNeverResolvedIsOneInstanceTheConnectionResolves() {
    UpstreamPool pool = named(URI.create("http://not-yet:9080"));
    assertThat(pool.order()).singleElement().satisfies(i -> assertThat(i.address()).isNull());
    dns.put("not-yet", List.of(ip("10.2.0.1")));
    pool.refresh();
    assertThat(addresses(pool)).containsExactly("10.2.0.1");
  }
}
