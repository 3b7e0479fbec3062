/**
 * JPA (Hibernate) implementations of the repositories, on the module's own persistence unit {@code
 * product} and schema {@code catalog}; full-text search uses PostgreSQL directly.
 */
package dev.cleave.product.internal.persistence;
