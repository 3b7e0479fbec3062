/**
 * The payment module's use cases: the in-process {@code Payments} binding, its records and
 * reconciliation.
 */
package dev.cleave.payment.internal.application;
