/**
 * Carts, orders and the order state machine, free of JAX-RS and of other modules' implementations.
 */
package dev.cleave.order.internal.domain;
