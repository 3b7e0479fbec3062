package dev.cleave.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.launcher.DatabaseSettings;
import dev.cleave.launcher.EmbeddedDatabase;
import dev.cleave.launcher.LibertyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The monolith starts, and signs and checks tokens, with exactly the environment and the files its
 * Deployment gives it: every variable of the rendered pod (ConfigMaps followed), every Secret made
 * by make-secrets.sh and mounted where the pod mounts it, the database role and password of its
 * Secret. Only what a cluster alone provides is replaced: the database's and the pod's addresses
 * (Service DNS names do not resolve here) and the mount folders (under a temporary folder). So a
 * variable the server no longer reads, a key bundle it cannot parse or a mount path it does not
 * find fails here, not on the first cluster.
 */
class ManifestEnvironmentIT {

  private static final String ADMIN_EMAIL = "admin@cleave.test";
  private static final String ADMIN_PASSWORD = "a manifest's admin passphrase, 2026";

  @TempDir Path work;

  @Test
  void theMonolithStartsAndServesTokensWithItsDeploymentsEnvironment() throws Exception {
    Rendered rendered = new Rendered(Kustomize.render(Kustomize.overlay("monolith")));
    JsonNode deployment = rendered.find("Deployment", "monolith").orElseThrow();
    Map<String, Map<String, String>> secrets =
        Kustomize.makeSecrets(
            work.resolve("keys"),
            Map.of("CLEAVE_ADMIN_EMAIL", ADMIN_EMAIL, "CLEAVE_ADMIN_PASSWORD", ADMIN_PASSWORD));

    // The pod's mounts, under the temporary folder: each Secret's keys as files.
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (JsonNode mount : Rendered.container(deployment).path("volumeMounts")) {
      String at = mount.path("mountPath").asString();
      String secret =
          Rendered.secretMountedFor(deployment, at + "/x")
              .orElseThrow(() -> new AssertionError(at));
      Path folder = Files.createDirectories(work.resolve("mounts" + at));
      for (Map.Entry<String, String> file : secrets.get(secret).entrySet()) {
        Files.writeString(folder.resolve(file.getKey()), file.getValue());
      }
      mounts.put(at, folder);
    }
    Map<String, String> env = new LinkedHashMap<>();
    rendered
        .environment(Rendered.container(deployment))
        .forEach(
            (name, value) -> {
              if (value.startsWith("secret:")) {
                String[] ref = value.substring("secret:".length()).split("/", 2);
                env.put(name, secrets.get(ref[0]).get(ref[1]));
                return;
              }
              for (Map.Entry<String, Path> mount : mounts.entrySet()) {
                if (value.startsWith(mount.getKey() + "/")) {
                  value = mount.getValue() + value.substring(mount.getKey().length());
                }
              }
              env.put(name, value);
            });
    assertThat(env)
        .containsKeys(
            "CLEAVE_DB_PASSWORD",
            "CLEAVE_JWT_PUBLIC_KEY_LOCATION",
            "CLEAVE_JWT_PRIVATE_KEY_LOCATION",
            "CLEAVE_ADMIN_EMAIL");

    try (EmbeddedDatabase database =
        EmbeddedDatabase.start(work.resolve("postgres"), freePort(), List.of("postgres"))) {
      // What the PostgreSQL image makes from POSTGRES_DB, POSTGRES_USER and the password file.
      DatabaseSettings superuser = database.settings("postgres");
      try (Connection connection =
              DriverManager.getConnection(
                  superuser.jdbcUrl(), superuser.user(), superuser.password());
          Statement sql = connection.createStatement()) {
        sql.execute(
            "create role cleave login password '"
                + env.get("CLEAVE_DB_PASSWORD").replace("'", "''")
                + "'");
        sql.execute("create database " + env.get("CLEAVE_DB_NAME") + " owner cleave");
      }
      env.put("CLEAVE_DB_HOST", "localhost");
      env.put("CLEAVE_DB_PORT", String.valueOf(database.port()));
      int port = freePort();
      try (LibertyServer server =
          LibertyServer.launch(
              Path.of(System.getProperty("cleave.wlp")),
              "monolith",
              port,
              env,
              work.resolve("monolith.log"))) {
        server.awaitReady(Duration.ofMinutes(3));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login =
            http.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\""
                                + ADMIN_EMAIL
                                + "\",\"password\":\""
                                + ADMIN_PASSWORD
                                + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        Matcher token =
            Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        // Signed with the user key of cleave-user-signing-key, verified with verify.pem's bundle.
        HttpResponse<String> orders =
            http.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/admin/orders"))
                    .header("Authorization", "Bearer " + token.group(1))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(orders.statusCode()).as(orders.body()).isEqualTo(200);
        assertThat(Files.readString(work.resolve("monolith.log")))
            .doesNotContain(ADMIN_PASSWORD, token.group(1), env.get("CLEAVE_DB_PASSWORD"));
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
