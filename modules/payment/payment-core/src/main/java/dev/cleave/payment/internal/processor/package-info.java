/**
 * The module's one translation point to the card processor "outside". Cleave ships a simulated
 * processor whose test cards decide the outcome, with the processor's own books ({@link
 * dev.cleave.payment.internal.processor.ProcessorVault}, {@link
 * dev.cleave.payment.internal.processor.ProcessorLedger}) beside it: they stand for the other
 * party's storage, not for the module's repositories. A real adapter would implement {@link
 * dev.cleave.payment.internal.processor.CardProcessor} against a processor's API and keep none of
 * them.
 */
package dev.cleave.payment.internal.processor;
