/**
 * The order module's public REST resources (cart, orders, admin order views) and its readiness
 * check.
 */
package dev.cleave.order.internal.rest;
