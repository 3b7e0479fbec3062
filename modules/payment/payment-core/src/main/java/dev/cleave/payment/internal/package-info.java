/**
 * The payment module's implementation. Nothing outside this module may use these packages; other
 * modules go through {@code dev.cleave.payment.api}.
 */
package dev.cleave.payment.internal;
