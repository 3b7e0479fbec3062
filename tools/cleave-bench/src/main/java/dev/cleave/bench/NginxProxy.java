package dev.cleave.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * NGINX (the Debian package) as a plain reverse proxy in front of the split services: the public
 * path prefixes of the gateway's own routing table, keep-alive to each service, an access log; no
 * token check, rate limit or cache. The reference the gateway is compared with.
 */
final class NginxProxy implements AutoCloseable {

  /**
   * The gateway's routing table, read from where the gateway's build takes it (no copy to drift).
   */
  static final Path GATEWAY_CONFIG =
      Path.of("gateway-module/src/main/resources/META-INF/microprofile-config.properties");

  /**
   * The gateway's routes, {@code cleave.gateway.routes}: public path prefix to upstream (module)
   * name.
   */
  static Map<String, String> gatewayRoutes(Path config) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(config)) {
      properties.load(reader);
    }
    String routes = properties.getProperty("cleave.gateway.routes");
    if (routes == null || routes.isBlank()) {
      throw new IOException("no cleave.gateway.routes in " + config);
    }
    Map<String, String> table = new LinkedHashMap<>();
    for (String pair : routes.split(",")) {
      String[] parts = pair.strip().split("=", 2);
      if (parts.length == 2) {
        table.put(parts[0].strip(), parts[1].strip());
      }
    }
    return table;
  }

  private final Process process;
  private final int port;

  private NginxProxy(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts NGINX on {@code port}, routing each of the gateway's prefixes to its module's service
   * ({@code services}: server name, {@code <module>-service}, to its URI).
   */
  static NginxProxy start(Path directory, int port, Map<String, URI> services)
      throws IOException, InterruptedException {
    Map<String, String> routes = gatewayRoutes(GATEWAY_CONFIG);
    Files.createDirectories(directory.resolve("logs"));
    StringBuilder conf = new StringBuilder();
    conf.append("worker_processes auto;\npid ")
        .append(directory.resolve("nginx.pid"))
        .append(";\n")
        .append("error_log ")
        .append(directory.resolve("logs/error.log"))
        .append(" warn;\n")
        .append("events { worker_connections 4096; }\nhttp {\n")
        .append("  access_log ")
        .append(directory.resolve("logs/access.log"))
        .append(";\n")
        .append("  client_max_body_size 1m;\n");
    services.forEach(
        (name, uri) ->
            conf.append("  upstream ")
                .append(name.replace('-', '_'))
                .append(" { server ")
                .append(uri.getHost().equals("localhost") ? "127.0.0.1" : uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("; keepalive 64; }\n"));
    conf.append("  server {\n    listen 127.0.0.1:")
        .append(port)
        .append(";\n")
        .append("    location / { return 404; }\n");
    routes.forEach(
        (prefix, module) -> {
          String service = module + "-service";
          if (services.containsKey(service)) {
            conf.append("    location ")
                .append(prefix)
                .append(" {\n      proxy_pass http://")
                .append(service.replace('-', '_'))
                .append(";\n      proxy_http_version 1.1;\n")
                .append(
                    "      proxy_set_header Connection \"\";\n      proxy_set_header Host $host;\n")
                .append(
                    "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n");
          }
        });
    conf.append("  }\n}\n");
    Path file = directory.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process process =
        new ProcessBuilder(
                "nginx", "-p", directory.toString(), "-c", file.toString(), "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("logs/console.log").toFile())
            .start();
    NginxProxy proxy = new NginxProxy(process, port);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("nginx ended at once; see " + directory.resolve("logs"));
      }
      try {
        http.send(
            HttpRequest.newBuilder(proxy.uri().resolve("/api/v1/categories"))
                .timeout(Duration.ofSeconds(2))
                .build(),
            HttpResponse.BodyHandlers.discarding());
        return proxy;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    proxy.close();
    throw new IOException("nginx did not answer on port " + port);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
