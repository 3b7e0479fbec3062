package dev.cleave.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's probes before its routes are loaded (or after its configuration was refused): live,
 * since the process runs; neither started nor ready, so a cluster sends it no traffic and a startup
 * probe that keeps failing restarts it. Once loaded, GatewayIT sees both UP.
 */
class HealthServletTest {

  private final Map<String, Object> attributes = new HashMap<>();
  private final HealthServlet servlet = new HealthServlet();

  @BeforeEach
  void init() throws Exception {
    ServletContext context =
        (ServletContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, called, args) ->
                    switch (called.getName()) {
                      case "getAttribute" -> attributes.get((String) args[0]);
                      default -> throw new UnsupportedOperationException(called.getName());
                    });
    ServletConfig config =
        (ServletConfig)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServletConfig.class},
                (proxy, called, args) ->
                    switch (called.getName()) {
                      case "getServletContext" -> context;
                      case "getServletName" -> "health";
                      case "getInitParameter" -> null;
                      default -> throw new UnsupportedOperationException(called.getName());
                    });
    servlet.init(config);
  }

  @AfterEach
  void destroy() {
    servlet.destroy();
  }

  private FakeHttp.Response get(String pathInfo) throws Exception {
    FakeHttp.Response response = new FakeHttp.Response();
    servlet.service(
        new FakeHttp.Request("GET", "/health" + pathInfo).pathInfo(pathInfo).servlet(),
        response.servlet());
    return response;
  }

  @Test
  void withoutRoutesItIsLiveButNeitherStartedNorReady() throws Exception {
    FakeHttp.Response live = get("/live");
    FakeHttp.Response started = get("/started");
    FakeHttp.Response ready = get("/ready");

    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body()).contains("\"status\":\"UP\"");
    assertThat(started.status()).isEqualTo(503);
    assertThat(started.body()).contains("\"status\":\"DOWN\"", "\"state\":\"starting\"");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(get("/nothing").status()).isEqualTo(404);
  }
}
