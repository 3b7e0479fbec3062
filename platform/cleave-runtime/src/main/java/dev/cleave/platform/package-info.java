/**
 * Cross-cutting runtime that every deployable (monolith, each service) packages once. It knows no
 * business module; modules use it, never the other way round.
 */
package dev.cleave.platform;
