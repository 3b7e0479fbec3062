/**
 * The order module's contract: the records of its public API (cart, orders) and its domain
 * exceptions. No other module calls the order module; the split-services issue adds its remote form
 * for the gateway.
 */
package dev.cleave.order.api;
