/**
 * Users, their shipping addresses and refresh tokens, and the rules they obey (e-mail
 * normalization, password policy, the growing lock-out schedule of failed logins). Free of HTTP and
 * of the container.
 */
package dev.cleave.user.internal.domain;
