/**
 * The user module's HTTP edge: accounts ({@code /api/v1/users}), tokens ({@code /api/v1/auth}), the
 * published signing key ({@code /.well-known/jwks.json}) and the module's readiness check.
 */
package dev.cleave.user.internal.rest;
