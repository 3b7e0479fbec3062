package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

  @Test
  void endToEndHeadersGoThroughHopByHopAndForwardingHeadersDoNot() {
    Set<String> named = ForwardedHeaders.namedByConnection("keep-alive, X-Secret-Hop");
    assertThat(ForwardedHeaders.forwardRequestHeader("Authorization", named)).isTrue();
    assertThat(ForwardedHeaders.forwardRequestHeader("Idempotency-Key", named)).isTrue();
    assertThat(ForwardedHeaders.forwardRequestHeader("traceparent", named))
        .as("W3C trace context")
        .isTrue();
    assertThat(ForwardedHeaders.forwardRequestHeader("tracestate", named)).isTrue();
    assertThat(ForwardedHeaders.forwardRequestHeader("traceparent", named)).isTrue();
    for (String dropped :
        new String[] {
          "Connection",
          "Keep-Alive",
          "Transfer-Encoding",
          "Upgrade",
          "TE",
          "Trailer",
          "Proxy-Authorization",
          "Host",
          "Content-Length",
          "Expect",
          "X-Forwarded-For",
          "X-Forwarded-Host",
          "Forwarded",
          "X-Real-IP",
          "X-Request-Id",
          "X-Secret-Hop"
        }) {
      assertThat(ForwardedHeaders.forwardRequestHeader(dropped, named)).as(dropped).isFalse();
    }
    assertThat(ForwardedHeaders.forwardResponseHeader("Content-Type")).isTrue();
    assertThat(ForwardedHeaders.forwardResponseHeader("Retry-After")).isTrue();
    assertThat(ForwardedHeaders.forwardResponseHeader("Transfer-Encoding")).isFalse();
    assertThat(ForwardedHeaders.forwardResponseHeader("Connection")).isFalse();
  }

  @Test
  void aClientsForwardedForIsReplacedUnlessTheClientIsATrustedProxy() {
    Set<String> trusted = Set.of("10.0.0.1");
    assertThat(ForwardedHeaders.forwardedFor("203.0.113.9", "1.2.3.4", trusted))
        .isEqualTo("203.0.113.9");
    assertThat(ForwardedHeaders.forwardedFor("10.0.0.1", "198.51.100.7", trusted))
        .isEqualTo("198.51.100.7, 10.0.0.1");
    assertThat(ForwardedHeaders.forwardedFor("10.0.0.1", null, trusted)).isEqualTo("10.0.0.1");
  }

  @Test
  void keepsAWellFormedRequestIdAndReplacesAHostileOne() {
    assertThat(ForwardedHeaders.requestId("trace-abc.123")).isEqualTo("trace-abc.123");
    assertThat(ForwardedHeaders.requestId("<script>")).doesNotContain("<").hasSize(36);
    assertThat(ForwardedHeaders.requestId(null)).hasSize(36);
  }
}
