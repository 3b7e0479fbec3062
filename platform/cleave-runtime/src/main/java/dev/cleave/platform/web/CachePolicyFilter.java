package dev.cleave.platform.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * Adds the {@link CachePolicy} of the resource method to its 200 answers to GET (errors and other
 * methods carry none, so no cache keeps them).
 */
@Provider
public class CachePolicyFilter implements ContainerResponseFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Method method = resource == null ? null : resource.getResourceMethod();
    CachePolicy policy = method == null ? null : method.getAnnotation(CachePolicy.class);
    if (policy != null
        && HttpMethod.GET.equals(request.getMethod())
        && response.getStatus() == 200
        && !response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, policy.value());
    }
  }
}
