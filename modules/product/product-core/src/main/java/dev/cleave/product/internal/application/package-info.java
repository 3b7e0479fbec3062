/**
 * Use cases of the product module, one transaction each: catalog queries, catalog administration,
 * the in-process {@link dev.cleave.product.api.ProductCatalog}, module start-up and configuration.
 */
package dev.cleave.product.internal.application;
