/**
 * The module's one translation point to the card processor "outside". Cleave ships a simulated
 * processor whose test cards decide the outcome; a real adapter would implement {@link
 * dev.cleave.payment.internal.processor.CardProcessor} against a processor's API.
 */
package dev.cleave.payment.internal.processor;
