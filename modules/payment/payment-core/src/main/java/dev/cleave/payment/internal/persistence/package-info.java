/**
 * JPA and SQL adapters of the payment module's repositories, on persistence unit {@code payment}.
 */
package dev.cleave.payment.internal.persistence;
