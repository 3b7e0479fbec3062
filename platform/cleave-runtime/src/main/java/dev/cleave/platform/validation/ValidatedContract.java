package dev.cleave.platform.validation;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the in-process binding of a module API: every call is checked against the Bean Validation
 * constraints the API interface declares, before anything else runs (before a transaction starts).
 * In-process a violation is a {@link jakarta.validation.ConstraintViolationException}. A remote
 * call gets the same check from JAX-RS at the receiving service, whose 400 problem the client turns
 * back into the same exception, with the same field paths and messages ({@code RemoteProblems},
 * {@link FieldPaths}; ADR 7).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ValidatedContract {}
