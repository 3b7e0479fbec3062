package dev.cleave.apitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.Shop;
import dev.cleave.launcher.LibertyServer;
import dev.cleave.launcher.LocalDeployment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway balancing over two instances of a service, one of which dies under traffic. A second
 * product-service instance (same configuration and database, its own port and output folder) and a
 * gateway that knows both are started next to the split system for this test only.
 */
@ApiTest
class LoadBalancingIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @BeforeEach
  void onlyInTheSplitSystem() {
    Assumptions.assumeTrue(
        CleaveSystem.topology().equals("split"), "balances over product-service instances");
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void killingOneOfTwoInstancesUnderTrafficFailsNoIdempotentRequest() throws Exception {
    LocalDeployment deployment = CleaveSystem.deployment().orElseThrow();
    LibertyServer product = deployment.server("product-service");
    LibertyServer gateway = deployment.server("gateway");
    Path logs = product.log().orElseThrow().getParent();
    Path wlp = Path.of(System.getProperty("cleave.wlp"));
    int secondProductPort = CleaveSystem.freePort();
    String output = logs.getParent().resolve("liberty-output-balancing").toString();

    Map<String, String> productEnv = new LinkedHashMap<>(product.environment());
    productEnv.put("WLP_OUTPUT_DIR", output);
    Map<String, String> gatewayEnv = new LinkedHashMap<>(gateway.environment());
    gatewayEnv.put("WLP_OUTPUT_DIR", output);
    gatewayEnv.put(
        "CLEAVE_GATEWAY_UPSTREAM_PRODUCT",
        product.baseUri() + ",http://localhost:" + secondProductPort);
    long productId = Shop.product("9.00", 5);

    try (LibertyServer secondProduct =
            LibertyServer.launch(
                wlp,
                "product-service",
                secondProductPort,
                productEnv,
                logs.resolve("product-service-2.log"));
        LibertyServer balancer =
            LibertyServer.launch(
                wlp,
                "gateway",
                CleaveSystem.freePort(),
                gatewayEnv,
                logs.resolve("gateway-balancing.log"))) {
      secondProduct.awaitReady(Duration.ofMinutes(3));
      balancer.awaitReady(Duration.ofMinutes(3));
      URI base = balancer.baseUri();

      // Both instances answer (a product page is never cached, so every request reaches an
      // instance).
      for (int i = 0; i < 4; i++) {
        assertThat(get(base.resolve("/api/v1/products/" + productId)).statusCode()).isEqualTo(200);
      }

      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> traffic = new ArrayList<>();
      try {
        for (int c = 0; c < 4; c++) {
          int client = c;
          traffic.add(
              clients.submit(
                  () -> {
                    int n = 0;
                    while (running.get()) {
                      URI uri =
                          (n++ % 2 == 0)
                              ? base.resolve("/api/v1/products/" + productId)
                              : base.resolve("/api/v1/products?q=lb" + client + "x" + n);
                      try {
                        HttpResponse<String> answer = get(uri);
                        if (answer.statusCode() == 200) {
                          answered.incrementAndGet();
                        } else {
                          failures.add(uri + " -> " + answer.statusCode() + " " + answer.body());
                        }
                      } catch (Exception e) {
                        failures.add(uri + " -> " + e);
                      }
                    }
                    return null;
                  }));
        }
        awaitAnswers(answered, 100);
        secondProduct.kill();
        int atKill = answered.get();
        awaitAnswers(answered, atKill + 200);
      } finally {
        running.set(false);
        for (Future<?> f : traffic) {
          f.get(30, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
      }
      assertThat(failures).as("failed requests").isEmpty();

      String metrics = get(base.resolve("/metrics")).body();
      assertThat(metrics)
          .as("the dead instance was noticed, and its requests went to the other")
          .containsPattern(
              "gateway_upstream_errors_total\\{route=\"/api/v1/products\",upstream=\"product\",kind=\"[a-z]+\"}"
                  + " [1-9]");
      String health = get(base.resolve("/health/ready")).body();
      assertThat(health).contains("\"product-upstream\"").contains("=ejected");
    }
  }

  private static void awaitAnswers(AtomicInteger answered, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (answered.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + answered.get() + " answers within 60 s");
      }
      Thread.sleep(20);
    }
  }
}
