package dev.cleave.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The gateway's one entry: every request goes through the {@link EdgePipeline}, which checks it at
 * the edge and forwards it to the upstream its path is routed to, and is counted in the {@link
 * GatewayMetrics} under the route it took. Every refusal is {@code application/problem+json}.
 */
@WebServlet(urlPatterns = "/", loadOnStartup = 1)
public class ForwardingServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ForwardingServlet.class.getName());

  private transient GatewayConfig config;
  private transient GatewayMetrics metrics;
  private transient EdgePipeline pipeline;

  @Override
  public void init() throws ServletException {
    try {
      config = GatewayConfig.from(ConfigProvider.getConfig());
    } catch (IllegalArgumentException e) {
      throw new ServletException("Gateway misconfigured: " + e.getMessage(), e);
    }
    metrics = new GatewayMetrics();
    pipeline = EdgePipeline.of(config, metrics);
    getServletContext().setAttribute(Forwarder.class.getName(), pipeline.forwarder());
    getServletContext().setAttribute(GatewayMetrics.class.getName(), metrics);
    getServletContext().setAttribute(GatewayConfig.class.getName(), config);
    LOG.info(() -> "Gateway routes to " + config.routes().upstreams());
    config.ipRules().describe().ifPresent(lists -> LOG.info(() -> "Gateway IP lists: " + lists));
  }

  @Override
  public void destroy() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  GatewayConfig config() {
    return config;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long start = System.nanoTime();
    EdgeExchange exchange =
        new EdgeExchange(request, response, config.trustedProxies(), config.authentication());
    try {
      pipeline.handle(exchange);
    } finally {
      metrics.request(exchange.routeName(), response.getStatus(), System.nanoTime() - start);
    }
  }
}
