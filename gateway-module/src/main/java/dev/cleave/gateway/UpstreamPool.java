package dev.cleave.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The instances of one upstream, balanced round robin with passive health checks: an instance that
 * fails {@code ejectAfter} times in a row (refused, reset or timed out) is left out for {@code
 * coolDown}; after that it gets traffic again, and one more failure ejects it again at once, while
 * a success clears its record. When every instance is out, all are tried anyway (better a chance
 * than a certain 503). Time comes from a monotonic clock passed in, so tests are exact.
 */
final class UpstreamPool {

  /** One instance and its recent record. */
  static final class Instance {
    private final URI baseUri;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong ejectedUntil = new AtomicLong(Long.MIN_VALUE);

    Instance(URI baseUri) {
      this.baseUri = baseUri;
    }

    URI baseUri() {
      return baseUri;
    }

    boolean isIn(long now) {
      long until = ejectedUntil.get();
      return until == Long.MIN_VALUE || now - until >= 0;
    }
  }

  private final String name;
  private final List<Instance> instances;
  private final int ejectAfter;
  private final Duration coolDown;
  private final LongSupplier nanoClock;
  private final AtomicInteger next = new AtomicInteger();

  UpstreamPool(
      String name, List<URI> baseUris, int ejectAfter, Duration coolDown, LongSupplier nanoClock) {
    if (baseUris.isEmpty() || ejectAfter < 1) {
      throw new IllegalArgumentException(
          "upstream " + name + " needs an instance and eject-after of at least 1");
    }
    this.name = name;
    this.instances = baseUris.stream().map(Instance::new).toList();
    this.ejectAfter = ejectAfter;
    this.coolDown = coolDown;
    this.nanoClock = nanoClock;
  }

  String name() {
    return name;
  }

  /**
   * The instances to try for one request, in order: those in, from the next in turn; if none is in,
   * all.
   */
  List<Instance> order() {
    long now = nanoClock.getAsLong();
    int start = Math.floorMod(next.getAndIncrement(), instances.size());
    List<Instance> in = new ArrayList<>(instances.size());
    for (int i = 0; i < instances.size(); i++) {
      Instance instance = instances.get((start + i) % instances.size());
      if (instance.isIn(now)) {
        in.add(instance);
      }
    }
    if (in.isEmpty()) {
      for (int i = 0; i < instances.size(); i++) {
        in.add(instances.get((start + i) % instances.size()));
      }
    }
    return in;
  }

  void succeeded(Instance instance) {
    instance.failuresInARow.set(0);
    instance.ejectedUntil.set(Long.MIN_VALUE);
  }

  /** Records a failure; returns whether it ejected the instance. */
  boolean failed(Instance instance) {
    if (instance.failuresInARow.incrementAndGet() >= ejectAfter) {
      instance.ejectedUntil.set(nanoClock.getAsLong() + coolDown.toNanos());
      return true;
    }
    return false;
  }

  /** Each instance's base URL and whether it takes traffic now ({@code in} or {@code ejected}). */
  List<String> states() {
    long now = nanoClock.getAsLong();
    return instances.stream()
        .map(i -> i.baseUri() + "=" + (i.isIn(now) ? "in" : "ejected"))
        .toList();
  }
}
