/**
 * The user module's use cases: registration and profiles, login with throttling, token issuance and
 * refresh-token rotation, and the in-process binding of {@link
 * dev.cleave.user.api.CustomerDirectory}.
 */
package dev.cleave.user.internal.application;
