package dev.cleave.platform.persistence;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link RefusalInsideTransaction} and {@link RefusalOutsideTransaction}. Not written by
 * hand: {@link RefusalsExtension} adds it wherever {@code @Transactional} is (whose own binding
 * depends on its {@code TxType}, so one interceptor cannot bind to every {@code @Transactional}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CarriesRefusals {

  /** The annotation as a value, for {@link RefusalsExtension}. */
  final class Literal extends AnnotationLiteral<CarriesRefusals> implements CarriesRefusals {
    static final Literal INSTANCE = new Literal();
    private static final long serialVersionUID = 1L;
  }
}
