package dev.cleave.apitests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cleave.apitests.support.ApiTest;
import dev.cleave.apitests.support.CleaveSystem;
import dev.cleave.apitests.support.ExtractionSuite;
import dev.cleave.launcher.LocalDeployment;
import dev.cleave.launcher.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Nothing gets around the front door (split and extract shapes): every server behind the gateway
 * listens on loopback only, so its port cannot be reached on the machine's other addresses and the
 * edge's rules (token check, rate limits, the anonymous-route table) cannot be bypassed; the
 * gateway listens on every address and answers. The kernel's own table of listening sockets ({@code
 * /proc/net/tcp}, {@code tcp6}) is the evidence: it says which addresses accept connections without
 * sending a packet anywhere but here.
 */
@ApiTest
@ExtractionSuite
class ServiceExposureIT {

  @Test
  void serversBehindTheGatewayListenOnLoopbackOnlyAndTheGatewayAnswers() throws IOException {
    LocalDeployment deployment = CleaveSystem.deployment().orElse(null);
    Assumptions.assumeTrue(
        deployment != null && deployment.topology().front().isGateway(),
        "only the split and extract shapes have servers behind a gateway");
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net");
    for (Topology.Node node : deployment.topology().nodes()) {
      List<String> addresses = listening(deployment.serverUri(node.server()).getPort());
      assertThat(addresses).as("%s listens", node.server()).isNotEmpty();
      if (node.isGateway()) {
        assertThat(addresses)
            .as("the front door listens on every address")
            .anyMatch(ServiceExposureIT::isWildcard);
      } else {
        assertThat(addresses)
            .as("%s listens on loopback only", node.server())
            .allMatch(ServiceExposureIT::isLoopback);
      }
    }
    given().get("/api/v1/categories").then().statusCode(200);
  }

  /** The local addresses (kernel hex notation) of the sockets listening on {@code port}. */
  static List<String> listening(int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path file = Path.of(table);
      if (!Files.isReadable(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
        String[] fields = line.strip().split("\\s+");
        String[] local = fields[1].split(":");
        boolean listen = fields[3].equals("0A");
        if (listen && Integer.parseInt(local[1], 16) == port) {
          addresses.add(local[0].toUpperCase(Locale.ROOT));
        }
      }
    }
    return addresses;
  }

  /**
   * 127.0.0.0/8 (stored little-endian: the last byte printed is the first octet), ::1, or
   * ::ffff:127.x.x.x.
   */
  static boolean isLoopback(String hex) {
    if (hex.length() == 8) {
      return hex.endsWith("7F");
    }
    return hex.equals("00000000000000000000000001000000")
        || (hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F"));
  }

  static boolean isWildcard(String hex) {
    return hex.chars().allMatch(c -> c == '0');
  }
}
