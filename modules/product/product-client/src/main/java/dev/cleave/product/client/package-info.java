/**
 * Remote binding of the product module API: adapters that implement the {@code product-api}
 * interfaces over HTTP with the MicroProfile REST Client and own the resilience of those calls.
 */
package dev.cleave.product.client;
