package dev.cleave.platform.web;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Keeps module-to-module operations ({@code /internal/...}, declared on the {@code *-api}
 * interfaces) out of the public OpenAPI document: they are not part of the public API, the gateway
 * never routes them, and a deployable that binds a module in-process does not serve them at all.
 * Registered through {@code mp.openapi.filter} in this jar's {@code
 * microprofile-config.properties}.
 */
public class PublicApiFilter implements OASFilter {

  static final String INTERNAL_PREFIX = "/internal/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    List<String> internal =
        openAPI.getPaths().getPathItems().keySet().stream()
            .filter(path -> path.startsWith(INTERNAL_PREFIX))
            .toList();
    internal.forEach(openAPI.getPaths()::removePathItem);
  }
}
