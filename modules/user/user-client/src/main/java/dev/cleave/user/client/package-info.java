/** The remote binding of the user module's API: a MicroProfile REST client adapter per module interface. */
package dev.cleave.user.client;
