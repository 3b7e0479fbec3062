/**
 * Bearer-token trust shared by every deployable: RSA keys in PEM and JWK form, and the token rules
 * that Cleave enforces on top of MicroProfile JWT (subject present, key id matching the trusted key).
 */
package dev.cleave.platform.security;
