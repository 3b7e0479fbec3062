package dev.cleave.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The checkout benchmark: virtual customers (each registered and logged in once, token reused) put
 * one unit of a random product in their cart and check out with the approving test card.
 *
 * <ul>
 *   <li>{@code --mode closed --concurrency C}: C customers check out back to back; saturation throughput.</li>
 *   <li>{@code --mode open --rate R}: checkouts start at R per second whatever the server does; each
 *       checkout's latency runs from its <em>intended</em> start, so a slow server cannot hide queueing
 *       by slowing the generator (no coordinated omission).</li>
 * </ul>
 * A warm-up (recorded nowhere) precedes the measured window. Output: a summary on stdout and, with
 * {@code --out}, one JSON object.
 */
public final class Bench {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]+)");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final String PASSWORD = "correct horse battery staple";
  private static final String ORDER_BODY = """
      {"card":{"number":"4242424242424242","expiryMonth":12,"expiryYear":2030,"cvc":"123"},
       "shippingAddress":{"recipient":"Bench Customer","line1":"1 Load Street","postalCode":"10115","city":"Berlin",
       "country":"DE"}}""";

  private final Map<String, String> options;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Random random = new Random(42);

  private Bench(Map<String, String> options) {
    this.options = options;
    this.base = URI.create(option("base", "http://localhost:9080"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--") && i + 1 < args.length) {
        options.put(args[i].substring(2), args[++i]);
      } else if (!args[i].equals("checkout")) {
        throw new IllegalArgumentException("unknown argument " + args[i] + "; see bench/checkout.sh");
      }
    }
    new Bench(options).checkout();
  }

  private String option(String name, String fallback) {
    String value = options.getOrDefault(name, System.getenv("BENCH_" + name.toUpperCase().replace('-', '_')));
    return value == null ? fallback : value;
  }

  private String required(String name) {
    String value = option(name, null);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private void checkout() throws Exception {
    String mode = option("mode", "closed");
    int customers = Integer.parseInt(option("customers", "64"));
    int productCount = Integer.parseInt(option("products", "50"));
    Duration warmup = Duration.parse("PT" + option("warmup", "30s").toUpperCase());
    Duration duration = Duration.parse("PT" + option("duration", "60s").toUpperCase());

    String admin = login(required("admin-email"), required("admin-password"));
    List<Long> products = new ArrayList<>();
    for (int i = 0; i < productCount; i++) {
      products.add(product(admin));
    }
    List<String> tokens = customers(customers);
    System.out.printf("setup: %d products with stock, %d customers registered and logged in%n", productCount, customers);

    Recorder checkoutLatency = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    Recorder orderLatency = new Recorder(TimeUnit.SECONDS.toMicros(60), 3);
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    AtomicBoolean measuring = new AtomicBoolean(false);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong maxBacklog = new AtomicLong();
    BlockingQueue<Long> tickets = new LinkedBlockingQueue<>();
    boolean open = mode.equals("open");
    double rate = open ? Double.parseDouble(required("rate")) : 0;
    int workers = open ? customers : Math.min(customers, Integer.parseInt(option("concurrency", "16")));

    ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      String token = tokens.get(w);
      futures.add(pool.submit(() -> {
        Random own = new Random(token.hashCode());
        while (running.get()) {
          long intended;
          if (open) {
            Long ticket = tickets.poll(100, TimeUnit.MILLISECONDS);
            if (ticket == null) {
              continue;
            }
            intended = ticket;
          } else {
            intended = System.nanoTime();
          }
          long product = products.get(own.nextInt(products.size()));
          String status;
          long orderStart;
          try {
            HttpResponse<String> added = send(token, "POST", "/api/v1/cart/items",
                "{\"productId\":" + product + ",\"quantity\":1}", null);
            orderStart = System.nanoTime();
            if (added.statusCode() != 200) {
              status = "cart-" + added.statusCode();
            } else {
              HttpResponse<String> placed = send(token, "POST", "/api/v1/orders", ORDER_BODY,
                  UUID.randomUUID().toString());
              status = placed.statusCode() + " " + match(STATUS, placed.body(), "?");
            }
          } catch (IOException e) {
            status = "io-error";
            orderStart = System.nanoTime();
          }
          long end = System.nanoTime();
          if (measuring.get()) {
            checkoutLatency.recordValue(Math.max(1, (end - intended) / 1000));
            orderLatency.recordValue(Math.max(1, (end - orderStart) / 1000));
            outcomes.computeIfAbsent(status, s -> new LongAdder()).increment();
          }
        }
        return null;
      }));
    }
    if (open) {
      futures.add(pool.submit(() -> {
        long start = System.nanoTime();
        long interval = (long) (1_000_000_000L / rate);
        for (long i = 0; running.get(); i++) {
          long due = start + i * interval;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          tickets.add(due);
          maxBacklog.accumulateAndGet(tickets.size(), Math::max);
        }
        return null;
      }));
    }

    Thread.sleep(warmup.toMillis());
    checkoutLatency.reset();
    orderLatency.reset();
    measuring.set(true);
    long measuredFrom = System.nanoTime();
    Thread.sleep(duration.toMillis());
    measuring.set(false);
    double seconds = (System.nanoTime() - measuredFrom) / 1e9;
    Histogram checkouts = checkoutLatency.getIntervalHistogram();
    Histogram orders = orderLatency.getIntervalHistogram();
    running.set(false);
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);

    long confirmed = outcomes.getOrDefault("201 CONFIRMED", new LongAdder()).sum();
    Map<String, Long> counts = new LinkedHashMap<>();
    outcomes.forEach((k, v) -> counts.put(k, v.sum()));
    System.out.printf("mode %s%s, %d workers, warm-up %s, measured %.1f s%n", mode,
        open ? " at " + rate + "/s" : "", workers, warmup, seconds);
    System.out.printf("outcomes: %s%n", counts);
    System.out.printf("confirmed orders: %.1f/s%n", confirmed / seconds);
    System.out.println("checkout (cart add + order, from intended start): " + percentiles(checkouts));
    System.out.println("order request alone (POST /api/v1/orders):      " + percentiles(orders));
    if (open) {
      System.out.printf("largest backlog of checkouts waiting for a free customer: %d%n", maxBacklog.get());
    }
    String json = "{\"scenario\":\"checkout\",\"mode\":\"" + mode + "\",\"rate\":" + rate + ",\"workers\":" + workers
        + ",\"measuredSeconds\":" + String.format("%.1f", seconds) + ",\"confirmedPerSecond\":"
        + String.format("%.1f", confirmed / seconds) + ",\"outcomes\":" + toJson(counts)
        + ",\"checkoutMs\":" + percentilesJson(checkouts) + ",\"orderMs\":" + percentilesJson(orders) + "}";
    String out = option("out", null);
    if (out != null) {
      Files.writeString(Path.of(out), json + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
    System.out.println(json);
  }

  private static String percentiles(Histogram h) {
    return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (n=%d)",
        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
  }

  private static String percentilesJson(Histogram h) {
    return String.format("{\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,\"p999\":%.2f,\"max\":%.2f,\"count\":%d}",
        h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, h.getTotalCount());
  }

  private static String toJson(Map<String, Long> counts) {
    StringBuilder json = new StringBuilder("{");
    counts.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return json.append('}').toString();
  }

  private String login(String email, String password) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .header("X-Forwarded-For", "2001:db8::" + Integer.toHexString(random.nextInt(0xffff)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login of " + email + " failed: " + response.statusCode() + " " + response.body());
    }
    return match(ACCESS_TOKEN, response.body(), null);
  }

  private long product(String admin) throws IOException, InterruptedException {
    String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    HttpResponse<String> created = send(admin, "POST", "/api/v1/products", """
        {"sku":"%s","name":"Bench %s","category":"kitchen","price":9.90,"currency":"EUR"}""".formatted(sku, sku), null);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("product: " + created.statusCode() + " " + created.body());
    }
    long id = Long.parseLong(match(ID, created.body(), null));
    HttpResponse<String> stocked = send(admin, "PUT", "/api/v1/products/" + id + "/stock", "{\"onHand\":1000000}", null);
    if (stocked.statusCode() != 200) {
      throw new IllegalStateException("stock: " + stocked.statusCode() + " " + stocked.body());
    }
    return id;
  }

  /** Registers and logs in customers, a few at a time (each costs two password hashes on the server). */
  private List<String> customers(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(() -> {
          String email = "bench-" + UUID.randomUUID().toString().substring(0, 12) + "@cleave.test";
          HttpResponse<String> registered = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/users"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                  + "\",\"name\":\"Bench customer\"}")).build(), HttpResponse.BodyHandlers.ofString());
          if (registered.statusCode() != 201) {
            throw new IllegalStateException("register: " + registered.statusCode() + " " + registered.body());
          }
          return login(email, PASSWORD);
        }));
      }
      List<String> tokens = new ArrayList<>();
      for (Future<String> future : futures) {
        tokens.add(future.get());
      }
      return tokens;
    } finally {
      pool.shutdownNow();
    }
  }

  private HttpResponse<String> send(String token, String method, String path, String body, String idempotencyKey)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String match(Pattern pattern, String text, String fallback) {
    Matcher m = pattern.matcher(text);
    if (m.find()) {
      return m.group(1);
    }
    if (fallback == null) {
      throw new UncheckedIOException(new IOException("unexpected answer: " + text));
    }
    return fallback;
  }
}
