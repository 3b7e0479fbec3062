package dev.cleave.product.internal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Business counters of the catalog, exported at {@code /metrics} (Prometheus format). */
@ApplicationScoped
public class CatalogMetrics {

  private static final Metadata SEARCHES =
      Metadata.builder()
          .withName("catalog.searches")
          .withDescription("Catalog searches, by whether they found anything")
          .build();
  private static final Metadata VIEWS =
      Metadata.builder()
          .withName("catalog.product.views")
          .withDescription("Product detail pages served")
          .build();
  private static final Metadata CHANGES =
      Metadata.builder()
          .withName("catalog.admin.changes")
          .withDescription("Catalog changes made by administrators, by action")
          .build();

  @Inject MetricRegistry registry;

  public void searched(long hits) {
    registry.counter(SEARCHES, new Tag("result", hits > 0 ? "hits" : "empty")).inc();
  }

  public void viewed() {
    registry.counter(VIEWS).inc();
  }

  public void changed(String action) {
    registry.counter(CHANGES, new Tag("action", action)).inc();
  }
}
