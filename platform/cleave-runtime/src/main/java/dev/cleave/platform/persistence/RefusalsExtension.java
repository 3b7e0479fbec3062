package dev.cleave.platform.persistence;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.inject.spi.configurator.AnnotatedTypeConfigurator;
import jakarta.transaction.Transactional;

/**
 * Puts {@link CarriesRefusals} next to every {@code @Transactional} of the deployable (on the
 * class, or on each such method), so that domain refusals leave transactional methods without an
 * FFDC incident ({@link RefusalInsideTransaction}).
 */
public class RefusalsExtension implements Extension {

  <T> void bind(@Observes @WithAnnotations(Transactional.class) ProcessAnnotatedType<T> type) {
    AnnotatedTypeConfigurator<T> configurator = type.configureAnnotatedType();
    if (type.getAnnotatedType().isAnnotationPresent(Transactional.class)) {
      configurator.add(CarriesRefusals.Literal.INSTANCE);
      return;
    }
    configurator
        .filterMethods(method -> method.isAnnotationPresent(Transactional.class))
        .forEach(method -> method.add(CarriesRefusals.Literal.INSTANCE));
  }
}
