package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Exact, because time is a counter the test moves. */
class UpstreamPoolTest {

  private static final URI A = URI.create("http://a:1");
  private static final URI B = URI.create("http://b:2");
  private static final URI C = URI.create("http://c:3");

  private final AtomicLong clock = new AtomicLong(42);
  private final UpstreamPool pool =
      new UpstreamPool("product", List.of(A, B, C), 2, Duration.ofSeconds(10), clock::get);

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
}
