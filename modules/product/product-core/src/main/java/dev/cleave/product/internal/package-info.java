/** Implementation of the product module; nothing outside this module may depend on it. */
package dev.cleave.product.internal;
