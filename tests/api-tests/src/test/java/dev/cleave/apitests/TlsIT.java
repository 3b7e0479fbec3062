package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.launcher.DevCertificate;
import dev.cleave.launcher.LocalDeployment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS at the front door (the monolith's or the gateway's), with the launcher's development
 * certificate: TLS 1.3 and 1.2 with forward-secret AEAD suites are served for the name {@code
 * localhost}; TLS 1.1 and 1.0 and CBC suites are refused. Each refusal is shown to be the server's:
 * a control server in this JVM, with the same certificate and the JDK's full set of protocols and
 * suites, accepts the same client offer (this JVM enables them, see {@code
 * legacy-tls-client.security}). HTTPS answers carry HSTS and plain HTTP ones do not (the suite
 * serves plain HTTP too; redirect and refusal are TransportSecurityFilterTest's).
 */
@ApiTest
class TlsIT {

  private static final String AEAD_TLS12 = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
  private static final String CBC_TLS12 = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256";
  private static final String CBC_LEGACY = "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";

  private URI https;
  private DevCertificate certificate;
  private SSLContext client;

  @BeforeEach
  void frontDoorWithTls() throws GeneralSecurityException {
    LocalDeployment deployment = CleaveSystem.deployment().orElse(null);
    Assumptions.assumeTrue(
        deployment != null && deployment.devCertificate().isPresent(),
        "needs a system this run started, with the launcher's certificate");
    https = deployment.frontHttpsUri().orElseThrow();
    certificate = deployment.devCertificate().orElseThrow();
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(certificate.load());
    client = SSLContext.getInstance("TLS");
    client.init(null, trust.getTrustManagers(), null);
  }

  @Test
  void tls13AndTls12WithAnAeadSuiteAreServedForLocalhost() throws IOException {
    assertThat(handshake(https.getPort(), new String[] {"TLSv1.3"}, null))
        .isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
    assertThat(handshake(https.getPort(), new String[] {"TLSv1.2"}, new String[] {AEAD_TLS12}))
        .isEqualTo("TLSv1.2 " + AEAD_TLS12);
  }

  @Test
  void tls11AndTls10AreRefusedThoughTheClientCanSpeakThem() throws Exception {
    String[] legacy = {"TLSv1.1", "TLSv1"};
    assertThat(control(legacy, new String[] {CBC_LEGACY})).startsWith("TLSv1.1 ");
    assertThatThrownBy(() -> handshake(https.getPort(), legacy, new String[] {CBC_LEGACY}))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void cbcSuitesAreRefusedOnTls12ThoughTheClientCanOfferThem() throws Exception {
    String[] tls12 = {"TLSv1.2"};
    assertThat(control(tls12, new String[] {CBC_TLS12})).isEqualTo("TLSv1.2 " + CBC_TLS12);
    assertThatThrownBy(() -> handshake(https.getPort(), tls12, new String[] {CBC_TLS12}))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void httpsAnswersCarryHstsAndPlainHttpAnswersDoNot() throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(client).build();
    HttpResponse<String> secure =
        http.send(
            HttpRequest.newBuilder(https.resolve("/api/v1/categories")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(secure.statusCode()).isEqualTo(200);
    assertThat(secure.headers().firstValue("Strict-Transport-Security"))
        .contains("max-age=31536000");
    assertThat(secure.body()).startsWith("[");
    assertThat(
            given()
                .get("/api/v1/categories")
                .then()
                .statusCode(200)
                .extract()
                .header("Strict-Transport-Security"))
        .isNull();
  }

  /** Handshakes with a port on localhost, checking the name; "protocol suite" of the session. */
  private String handshake(int port, String[] protocols, String[] suites) throws IOException {
    try (SSLSocket socket =
        (SSLSocket)
            client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(protocols);
      if (suites != null) {
        parameters.setCipherSuites(suites);
      }
      parameters.setServerNames(List.of(new SNIHostName("localhost")));
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
    }
  }

  /**
   * The same handshake with a control server on an ephemeral port that has the same certificate and
   * accepts every protocol and suite this JVM supports.
   */
  private String control(String[] protocols, String[] suites) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(certificate.load(), certificate.password().toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    try (SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setEnabledProtocols(server.getSupportedProtocols());
      server.setEnabledCipherSuites(server.getSupportedCipherSuites());
      CompletableFuture<Void> accepted =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                  socket.setSoTimeout(10_000);
                  socket.startHandshake();
                } catch (IOException e) {
                  // the client's side reports the outcome
                }
              });
      try {
        return handshake(server.getLocalPort(), protocols, suites);
      } finally {
        accepted.get(10, TimeUnit.SECONDS);
      }
    }
  }
}
