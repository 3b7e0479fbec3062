/**
 * Remote binding of the product module API: adapters that implement the {@code product-api}
 * interfaces over HTTP with the MicroProfile REST Client, for deployables that run the product
 * module as its own service. Fault tolerance is the caller's (the same policy in both shapes); see
 * ADR 9.
 */
package dev.cleave.product.client;
