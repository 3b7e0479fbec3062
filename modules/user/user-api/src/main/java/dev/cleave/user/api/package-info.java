/**
 * The user module's contract: {@link dev.cleave.user.api.CustomerDirectory} for other modules, and
 * the records of the public account and token API ({@code /api/v1/users}, {@code /api/v1/auth}).
 */
package dev.cleave.user.api;
