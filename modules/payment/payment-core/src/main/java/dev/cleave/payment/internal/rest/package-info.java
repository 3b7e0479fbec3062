/** The payment module's HTTP-facing parts: its readiness check (the module has no public endpoints). */
package dev.cleave.payment.internal.rest;
