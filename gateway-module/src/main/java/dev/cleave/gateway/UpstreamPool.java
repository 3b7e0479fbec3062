package dev.cleave.gateway;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The instances of one upstream, balanced round robin with passive health checks: an instance that
 * fails {@code ejectAfter} times in a row (refused, reset or timed out) is left out for {@code
 * coolDown}; after that it gets traffic again, and one more failure ejects it again at once, while
 * a success clears its record. When every instance is out, all are tried anyway (better a chance
 * than a certain 503). Time comes from a monotonic clock passed in, so tests are exact.
 *
 * <p>An upstream URL whose host is a DNS name stands for every address the name resolves to (of the
 * family of its first address, so {@code localhost} is one instance, not one per IP version): each
 * joins the pool as an instance of its own, and {@link #refresh} resolves the names again, so the
 * addresses behind a Kubernetes headless Service, or any name whose addresses come and go, are
 * followed. An address that stays keeps its record; one that is gone leaves; a name that does not
 * resolve keeps the addresses it had (a DNS hiccup never empties the pool), and until it first
 * resolves it is one instance the connection resolves itself, failing as any unreachable instance.
 */
final class UpstreamPool {

  private static final Logger LOG = Logger.getLogger(UpstreamPool.class.getName());

  /** How a host name becomes addresses; {@link InetAddress#getAllByName} outside tests. */
  @FunctionalInterface
  interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = host -> Arrays.asList(InetAddress.getAllByName(host));
  }

  /** One instance, an upstream URL and the address it is reached at, and its recent record. */
  static final class Instance {
    private final URI baseUri;
    private final InetAddress address;
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private final AtomicLong ejectedUntil = new AtomicLong(Long.MIN_VALUE);

    Instance(URI baseUri) {
      this(baseUri, null);
    }

    Instance(URI baseUri, InetAddress address) {
      this.baseUri = baseUri;
      this.address = address;
    }

    URI baseUri() {
      return baseUri;
    }

    /** The address to connect to, or null when the URL's host is used as it is. */
    InetAddress address() {
      return address;
    }

    boolean isIn(long now) {
      long until = ejectedUntil.get();
      return until == Long.MIN_VALUE || now - until >= 0;
    }

    @Override
    public String toString() {
      return address == null ? baseUri.toString() : baseUri + "@" + address.getHostAddress();
    }
  }

  private final String name;
  private final List<URI> baseUris;
  private final Resolver resolver;
  private final int ejectAfter;
  private final Duration coolDown;
  private final LongSupplier nanoClock;
  private final AtomicInteger next = new AtomicInteger();
  private volatile List<Instance> instances = List.of();

  UpstreamPool(
      String name, List<URI> baseUris, int ejectAfter, Duration coolDown, LongSupplier nanoClock) {
    this(name, baseUris, ejectAfter, coolDown, nanoClock, Resolver.SYSTEM);
  }

  UpstreamPool(
      String name,
      List<URI> baseUris,
      int ejectAfter,
      Duration coolDown,
      LongSupplier nanoClock,
      Resolver resolver) {
    if (baseUris.isEmpty() || ejectAfter < 1) {
      throw new IllegalArgumentException(
          "upstream " + name + " needs an instance and eject-after of at least 1");
    }
    this.name = name;
    this.baseUris = List.copyOf(baseUris);
    this.resolver = resolver;
    this.ejectAfter = ejectAfter;
    this.coolDown = coolDown;
    this.nanoClock = nanoClock;
    refresh();
  }

  String name() {
    return name;
  }

  /** Whether some upstream URL names its host by DNS name, so {@link #refresh} has work to do. */
  boolean hasNames() {
    return baseUris.stream().anyMatch(uri -> !isLiteral(uri.getHost()));
  }

  /**
   * Resolves the names again, as the class comment says: addresses that stay keep their instance,
   * new ones join, vanished ones leave.
   */
  void refresh() {
    Map<String, Instance> current = new LinkedHashMap<>();
    instances.forEach(instance -> current.put(instance.toString(), instance));
    List<Instance> fresh = new ArrayList<>();
    for (URI uri : baseUris) {
      for (InetAddress address : addressesOf(uri, current)) {
        Instance candidate = new Instance(uri, address);
        fresh.add(current.getOrDefault(candidate.toString(), candidate));
      }
    }
    List<Instance> before = instances;
    instances = List.copyOf(fresh);
    if (!before.isEmpty() && !names(before).equals(names(fresh))) {
      LOG.info(() -> "Upstream " + name + " instances now " + fresh);
    }
  }

  /**
   * The addresses a URL stands for: for a literal, one null (the URL's own host); for a name, its
   * addresses of the first one's family, or those it had when it does not resolve now.
   */
  private List<InetAddress> addressesOf(URI uri, Map<String, Instance> current) {
    if (isLiteral(uri.getHost())) {
      return Collections.singletonList(null);
    }
    try {
      List<InetAddress> all = resolver.resolve(uri.getHost());
      if (all.isEmpty()) {
        throw new UnknownHostException(uri.getHost() + " has no address");
      }
      boolean v4 = all.get(0) instanceof Inet4Address;
      return all.stream().filter(a -> (a instanceof Inet4Address) == v4).distinct().toList();
    } catch (UnknownHostException e) {
      List<InetAddress> kept =
          current.values().stream()
              .filter(i -> i.baseUri().equals(uri) && i.address() != null)
              .map(Instance::address)
              .toList();
      LOG.warning(
          () ->
              "Upstream "
                  + name
                  + ": "
                  + uri.getHost()
                  + " does not resolve ("
                  + e.getMessage()
                  + "); "
                  + (kept.isEmpty() ? "each connection tries it" : "keeping " + kept));
      return kept.isEmpty() ? Collections.singletonList(null) : kept;
    }
  }

  private static List<String> names(List<Instance> instances) {
    return instances.stream().map(Instance::toString).toList();
  }

  /** Whether a URL's host is an IP literal (IPv6 in brackets), which needs no resolving. */
  static boolean isLiteral(String host) {
    return AddressRange.literal(host).isPresent();
  }

  /** Every instance now, in the configured order (the health check probes each). */
  List<Instance> instances() {
    return instances;
  }

  /**
   * The instances to try for one request, in order: those in, from the next in turn; if none is in,
   * all.
   */
  List<Instance> order() {
    List<Instance> all = instances;
    long now = nanoClock.getAsLong();
    int start = Math.floorMod(next.getAndIncrement(), all.size());
    List<Instance> in = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      Instance instance = all.get((start + i) % all.size());
      if (instance.isIn(now)) {
        in.add(instance);
      }
    }
    if (in.isEmpty()) {
      for (int i = 0; i < all.size(); i++) {
        in.add(all.get((start + i) % all.size()));
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

  /**
   * Each instance (its URL, and {@code @address} when resolved from a name) and whether it takes
   * traffic now ({@code in} or {@code ejected}).
   */
  List<String> states() {
    long now = nanoClock.getAsLong();
    return instances.stream().map(i -> i + "=" + (i.isIn(now) ? "in" : "ejected")).toList();
  }
}
