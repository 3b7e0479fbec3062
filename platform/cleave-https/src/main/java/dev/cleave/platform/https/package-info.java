/**
 * HTTPS at a Cleave front door: what plain HTTP gets when TLS is on, and HSTS
 * (docs/configuration.md, "TLS").
 */
package dev.cleave.platform.https;
