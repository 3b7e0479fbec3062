/**
 * Bearer-token trust inside a deployable: the verification keys MicroProfile JWT uses ({@link
 * dev.cleave.platform.security.TrustedKey}) and the token rules Cleave enforces on top of it
 * ({@link dev.cleave.platform.security.TokenPolicy}: subject present, key id of a trusted key, service
 * keys for service tokens only). Keys, signing and container-free verification are in
 * {@code platform/cleave-jwt}, in the same package, so that the gateway can use them too.
 */
package dev.cleave.platform.security;
