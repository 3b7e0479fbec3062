package dev.cleave.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Cache-Control} a resource method's successful GET answers carry ({@link
 * CachePolicyFilter}): the module says how fresh its data must be, and every cache on the way (the
 * gateway's, a CDN, a browser) obeys, in every shape. For example {@code "public, max-age=60"} for
 * data that may be a minute old, {@code "no-cache"} for data a cache must not serve without asking
 * again (live stock).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface CachePolicy {

  /** The {@code Cache-Control} value. */
  String value();
}
