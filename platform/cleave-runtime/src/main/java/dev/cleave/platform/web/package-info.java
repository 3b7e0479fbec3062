/**
 * HTTP edge shared by all modules: the JAX-RS application, RFC 9457 {@code
 * application/problem+json} responses for every error (from JAX-RS and from the servlet container),
 * and request ids.
 */
package dev.cleave.platform.web;
