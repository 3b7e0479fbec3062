package dev.cleave.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What virtual customers do to a running Cleave, over its public API: the set-up (an
 * administrator's products with stock, customers registered and logged in once, their tokens
 * reused) and the benchmark scenarios. Each scenario run returns an outcome label ({@code "200"},
 * {@code "201 CONFIRMED"}, {@code "io-error"}, ...); {@link #success} tells which labels count as
 * done.
 */
final class Workload {

  /** The scenarios, in the order the suite measures them. */
  static final List<String> SCENARIOS =
      List.of("search", "product-page", "login", "checkout", "mixed");

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]+)");
  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final String PASSWORD = "correct horse battery staple";
  private static final List<String> WORDS =
      List.of("bench", "kitchen", "steel", "blue", "pan", "cup", "");
  private static final String ORDER_BODY =
      """
      {"card":{"number":"4242424242424242","expiryMonth":12,"expiryYear":2030,"cvc":"123"},
       "shippingAddress":{"recipient":"Bench Customer","line1":"1 Load Street","postalCode":"10115","city":"Berlin",
       "country":"DE"}}\
      """;

  /** A virtual customer: registered once, its token reused. */
  record Customer(String email, String token) {}

  /** One iteration of a scenario for one customer. */
  interface Scenario {
    String run(Customer customer, Random random) throws IOException;
  }

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Random random = new Random(42);

  Workload(URI base) {
    this.base = base;
  }

  /** Whether an outcome label is a success of its scenario. */
  static boolean success(String outcome) {
    return outcome.equals("200") || outcome.equals("201 CONFIRMED");
  }

  /** The named scenario over the given products. */
  Scenario scenario(String name, List<Long> products) {
    return switch (name) {
      case "search" -> (customer, random) -> search(customer, random);
      case "product-page" -> (customer, random) -> productPage(customer, products, random);
      case "login" ->
          (customer, random) -> {
            login(customer.email(), PASSWORD);
            return "200";
          };
      case "checkout" -> (customer, random) -> checkout(customer, products, random);
      // 80 % browsing (searches and product pages, half each), 20 % buying.
      case "mixed" ->
          (customer, random) -> {
            int dice = random.nextInt(10);
            return dice < 4
                ? search(customer, random)
                : dice < 8
                    ? productPage(customer, products, random)
                    : checkout(customer, products, random);
          };
      default ->
          throw new IllegalArgumentException("unknown scenario " + name + "; one of " + SCENARIOS);
    };
  }

  private String search(Customer customer, Random random) throws IOException {
    String word = WORDS.get(random.nextInt(WORDS.size()));
    String path =
        "/api/v1/products?page="
            + (1 + random.nextInt(3))
            + "&size=20"
            + (word.isEmpty() ? "" : "&q=" + word);
    return Integer.toString(send(customer.token(), "GET", path, null, null).statusCode());
  }

  private String productPage(Customer customer, List<Long> products, Random random)
      throws IOException {
    long product = products.get(random.nextInt(products.size()));
    return Integer.toString(
        send(customer.token(), "GET", "/api/v1/products/" + product, null, null).statusCode());
  }

  private String checkout(Customer customer, List<Long> products, Random random)
      throws IOException {
    long product = products.get(random.nextInt(products.size()));
    HttpResponse<String> added =
        send(
            customer.token(),
            "POST",
            "/api/v1/cart/items",
            "{\"productId\":" + product + ",\"quantity\":1}",
            null);
    if (added.statusCode() != 200) {
      return "cart-" + added.statusCode();
    }
    HttpResponse<String> placed =
        send(customer.token(), "POST", "/api/v1/orders", ORDER_BODY, UUID.randomUUID().toString());
    return placed.statusCode() + " " + match(STATUS, placed.body(), "?");
  }

  /**
   * Logs in; each login comes from another documentation address, so no per-address limit applies.
   */
  String login(String email, String password) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", "2001:db8::" + Integer.toHexString(nextAddress()))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
            .build();
    HttpResponse<String> response = exchange(request);
    if (response.statusCode() != 200) {
      throw new IOException(
          "login of " + email + " failed: " + response.statusCode() + " " + response.body());
    }
    return match(ACCESS_TOKEN, response.body(), null);
  }

  private synchronized int nextAddress() {
    return random.nextInt(0xffff);
  }

  /** Creates products in stock (a million units each), as the administrator. */
  List<Long> products(String admin, int count) throws IOException {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
      String category = i % 2 == 0 ? "kitchen" : "garden";
      HttpResponse<String> created =
          send(
              admin,
              "POST",
              "/api/v1/products",
              """
              {"sku":"%s","name":"Bench %s %s","category":"%s","price":9.90,"currency":"EUR"}\
              """
                  .formatted(sku, WORDS.get(i % (WORDS.size() - 1)), sku, category),
              null);
      if (created.statusCode() != 201) {
        throw new IOException("product: " + created.statusCode() + " " + created.body());
      }
      long id = Long.parseLong(match(ID, created.body(), null));
      HttpResponse<String> stocked =
          send(admin, "PUT", "/api/v1/products/" + id + "/stock", "{\"onHand\":1000000}", null);
      if (stocked.statusCode() != 200) {
        throw new IOException("stock: " + stocked.statusCode() + " " + stocked.body());
      }
      ids.add(id);
    }
    return ids;
  }

  /**
   * Registers and logs in customers, four at a time (each costs two password hashes on the server).
   */
  List<Customer> customers(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Customer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(
            pool.submit(
                () -> {
                  String email =
                      "bench-" + UUID.randomUUID().toString().substring(0, 12) + "@cleave.test";
                  HttpResponse<String> registered =
                      exchange(
                          HttpRequest.newBuilder(base.resolve("/api/v1/users"))
                              .timeout(Duration.ofSeconds(30))
                              .header("Content-Type", "application/json")
                              .header(
                                  "X-Forwarded-For",
                                  "2001:db8::" + Integer.toHexString(nextAddress()))
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      "{\"email\":\""
                                          + email
                                          + "\",\"password\":\""
                                          + PASSWORD
                                          + "\",\"name\":\"Bench customer\"}"))
                              .build());
                  if (registered.statusCode() != 201) {
                    throw new IOException(
                        "register: " + registered.statusCode() + " " + registered.body());
                  }
                  return new Customer(email, login(email, PASSWORD));
                }));
      }
      List<Customer> customers = new ArrayList<>();
      for (Future<Customer> future : futures) {
        customers.add(future.get());
      }
      return customers;
    } finally {
      pool.shutdownNow();
    }
  }

  /** A plain GET of a path on another base (metrics, health); the body, or an exception. */
  String text(URI server, String path) throws IOException {
    HttpResponse<String> response =
        exchange(
            HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "text/plain")
                .GET()
                .build());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + server.resolve(path) + ": " + response.statusCode());
    }
    return response.body();
  }

  HttpResponse<String> send(
      String token, String method, String path, String body, String idempotencyKey)
      throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return exchange(request.build());
  }

  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
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
