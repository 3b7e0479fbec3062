/**
 * The storefront: the static pages of the shop and the one servlet that serves them, with the
 * headers a browser app needs ({@link dev.cleave.storefront.PageHeaders}). The pages talk only to
 * the public {@code /api/v1}, so they cannot tell one shape from another (ADR 13).
 */
package dev.cleave.storefront;
