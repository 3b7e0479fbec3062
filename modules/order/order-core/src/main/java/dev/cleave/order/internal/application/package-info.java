/**
 * The order module's use cases: the cart, placing and cancelling orders, the checkout saga and its
 * recovery.
 */
package dev.cleave.order.internal.application;
