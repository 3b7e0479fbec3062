/** The user module's implementation; nothing here is visible to other modules. */
package dev.cleave.user.internal;
