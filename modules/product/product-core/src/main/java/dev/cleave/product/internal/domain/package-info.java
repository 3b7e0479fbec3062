/**
 * Catalog and inventory model: products, categories, stock levels, and the repository interfaces
 * the application layer needs. No JAX-RS, no SQL.
 */
package dev.cleave.product.internal.domain;
