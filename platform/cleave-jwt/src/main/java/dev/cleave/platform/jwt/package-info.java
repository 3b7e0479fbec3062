/**
 * RS256 compact tokens in plain Java: RSA keys in PEM and JWK form ({@link RsaKeys}), signing
 * ({@link Rs256Signer}) and verification by Cleave's token rules ({@link TokenVerifier}), the one
 * verifier of the gateway and of every deployable. The container side (configuration, the Jakarta
 * Security mechanism) lives in cleave-runtime, package {@code dev.cleave.platform.security}.
 */
package dev.cleave.platform.jwt;
