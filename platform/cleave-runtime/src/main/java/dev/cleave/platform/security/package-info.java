/**
 * Bearer-token trust inside a deployable: {@link dev.cleave.platform.security.BearerTokenMechanism}
 * authenticates each request by its token, verified by {@link
 * dev.cleave.platform.security.TrustedKey} (the configured verification keys, issuer and audiences,
 * and Cleave's token rules: subject present, key id of a trusted key, service keys for service
 * tokens only). Keys, signing and container-free verification are in {@code platform/cleave-jwt}
 * ({@link dev.cleave.platform.jwt}), so that the gateway runs the same checks at the edge.
 */
package dev.cleave.platform.security;
