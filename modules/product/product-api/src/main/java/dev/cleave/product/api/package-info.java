/**
 * Contract of the product module (catalog and inventory): {@link
 * dev.cleave.product.api.ProductCatalog} for other modules, the records of the public catalog API,
 * and the module's domain exceptions. Other modules depend on this package only, never on {@code
 * product-core}.
 */
package dev.cleave.product.api;
