/**
 * Remote binding of the user module API: adapters that implement the {@code user-api} interfaces
 * over HTTP with the MicroProfile REST Client, for deployables that run the user module as its own
 * service. Fault tolerance is the caller's (the same policy in both shapes); see ADR 9.
 */
package dev.cleave.user.client;
