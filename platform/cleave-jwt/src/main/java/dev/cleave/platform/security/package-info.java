/**
 * RS256 compact tokens in plain Java: RSA keys in PEM and JWK form ({@link RsaKeys}), signing
 * ({@link Rs256Signer}) and verification by Cleave's token rules ({@link TokenVerifier}). The rules
 * that need a container (MicroProfile JWT's own checks, {@code TokenPolicy}) live in cleave-runtime,
 * in the same package.
 */
package dev.cleave.platform.security;
