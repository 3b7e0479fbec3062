/**
 * The payment module's HTTP-facing parts: its readiness check and the internal form of {@code
 * Payments} (no public endpoints).
 */
package dev.cleave.payment.internal.rest;
