package dev.cleave.gateway;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The {@link UpstreamClient} on Apache HttpClient 5 classic: blocking on the calling thread, one
 * connection pool per instance (route), most recently used connection first, nothing of the
 * client's own machinery left on (no redirects, cookies, authentication, compression, or default
 * {@code User-Agent}). A connection that the upstream closed while it sat in the pool (it fails
 * before a byte of the answer) is replaced once, as a keep-alive race, not an upstream failure.
 */
final class ApacheUpstreamClient implements UpstreamClient {

  private final PoolingHttpClientConnectionManager connections;
  private final CloseableHttpClient http;

  /**
   * @param connectTimeout how long a connect (and a TLS handshake) may take
   * @param idleTimeout how long a connection may wait in the pool (keep it below the upstream's
   *     keep-alive timeout)
   * @param maxPerInstance most connections to one instance at once
   */
  ApacheUpstreamClient(Duration connectTimeout, Duration idleTimeout, int maxPerInstance) {
    connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setConnectionFactory(
                ManagedHttpClientConnectionFactory.builder()
                    .http1Config(
                        Http1Config.custom()
                            .setMaxLineLength(UpstreamResponseReader.MAX_HEADER_BYTES)
                            .setMaxHeaderCount(256)
                            .build())
                    .build())
            .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
            .setConnPoolPolicy(PoolReusePolicy.LIFO)
            .setMaxConnPerRoute(maxPerInstance)
            .setMaxConnTotal(maxPerInstance * 16)
            .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setIdleTimeout(Timeout.of(idleTimeout))
                    .build())
            .build();
    http =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setRetryStrategy(new KeepAliveRace())
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .disableConnectionState()
            .disableDefaultUserAgent()
            .build();
  }

  @Override
  public Response send(URI base, InetAddress address, Request request, Duration readTimeout)
      throws IOException {
    String target = UpstreamClient.checkedTarget(base, request);
    int port = base.getPort() >= 0 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
    HttpHost host =
        address == null
            ? new HttpHost(base.getScheme(), base.getHost(), port)
            : new HttpHost(base.getScheme(), address, base.getHost(), port);
    BasicClassicHttpRequest upstream = new BasicClassicHttpRequest(request.method(), host, target);
    for (Map.Entry<String, String> header : request.headers()) {
      upstream.addHeader(header.getKey(), header.getValue());
    }
    if (UpstreamClient.sendsLength(request)) {
      upstream.setEntity(new ByteArrayEntity(request.body(), null));
    }
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(
        RequestConfig.custom()
            .setResponseTimeout(Timeout.ofMilliseconds(Math.max(1, readTimeout.toMillis())))
            .build());
    ClassicHttpResponse answer;
    try {
      answer = http.executeOpen(host, upstream, context);
    } catch (ConnectTimeoutException | SSLException e) {
      // Nothing of the request reached the instance: another one may be tried.
      ConnectException refused = new ConnectException("No connection to " + base + ": " + e);
      refused.initCause(e);
      throw refused;
    } catch (SocketTimeoutException | ConnectException e) {
      throw e;
    } catch (InterruptedIOException e) {
      SocketTimeoutException timeout = new SocketTimeoutException(e.getMessage());
      timeout.initCause(e);
      throw timeout;
    }
    UpstreamClient.Headers headers = new UpstreamClient.Headers();
    for (Header header : answer.getHeaders()) {
      headers.add(header.getName(), header.getValue());
    }
    HttpEntity entity = answer.getEntity();
    InputStream content = entity == null ? InputStream.nullInputStream() : entity.getContent();
    // Read to the end, the connection goes back to its pool; closed before, it is discarded.
    InputStream body =
        new FilterInputStream(content) {
          @Override
          public void close() throws IOException {
            answer.close();
          }
        };
    return new Response(answer.getCode(), headers, body);
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // Closing at shutdown: nothing more to do.
    }
    connections.close();
  }

  /**
   * One more try, on a new connection, when a pooled connection turned out to be closed by the
   * upstream: no byte of an answer came on a connection that had served requests before.
   */
  private static final class KeepAliveRace implements HttpRequestRetryStrategy {
    @Override
    public boolean retryRequest(
        HttpRequest request, IOException exception, int execCount, HttpContext context) {
      EndpointDetails endpoint = HttpClientContext.castOrCreate(context).getEndpointDetails();
      return execCount == 1
          && exception instanceof NoHttpResponseException
          && endpoint != null
          && endpoint.getResponseCount() > 0;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
      return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
      return TimeValue.ZERO_MILLISECONDS;
    }
  }
}
