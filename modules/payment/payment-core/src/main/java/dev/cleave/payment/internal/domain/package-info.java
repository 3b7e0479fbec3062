/** Payments and their state machine, free of JAX-RS and of the processor. */
package dev.cleave.payment.internal.domain;
