/**
 * The payment module's contract: {@link dev.cleave.payment.api.Payments} (authorize, capture, void,
 * refund, look up; every call keyed by a payment key and idempotent), its records and its domain
 * exceptions. Other modules depend on this package only.
 */
package dev.cleave.payment.api;
