/**
 * Remote binding of the payment module API: adapters that implement the {@code payment-api}
 * interfaces over HTTP with the MicroProfile REST Client, for deployables that run the payment
 * module as its own service. Fault tolerance is the caller's (the same policy in both shapes); see
 * ADR 9.
 */
package dev.cleave.payment.client;
