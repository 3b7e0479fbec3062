package dev.cleave.platform.remote;

import dev.cleave.platform.web.RequestIds;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every call of a remote binding carries this service's token (the receiving service authorizes the
 * {@code service} role) and the id of the request being served, so one id follows a checkout across
 * services in the logs.
 */
final class ServiceTokenFilter implements ClientRequestFilter {

  private final ServiceIdentity identity;

  ServiceTokenFilter(ServiceIdentity identity) {
    this.identity = identity;
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + identity.token());
    String requestId = RequestIds.current();
    if (requestId != null) {
      request.getHeaders().putSingle(RequestIds.HEADER, requestId);
    }
  }
}
