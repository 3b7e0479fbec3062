/**
 * Public HTTP API of the product module under {@code /api/v1}: catalog browsing for everyone,
 * administration for the {@code admin} role; plus its health check and metrics.
 */
package dev.cleave.product.internal.rest;
