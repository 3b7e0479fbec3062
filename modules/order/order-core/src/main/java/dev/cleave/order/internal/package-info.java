/**
 * The order module's implementation. Nothing outside this module may use these packages; other
 * modules and deployables go through {@code dev.cleave.order.api}.
 */
package dev.cleave.order.internal;
