/**
 * The gateway: the one door of the split system (and of a monolith with extracted modules). It
 * routes public paths by prefix to the services, never routes {@code /internal/**}, and answers in
 * {@code application/problem+json} when it cannot forward.
 */
package dev.cleave.gateway;
