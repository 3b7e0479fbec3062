package dev.cleave.payment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Card payments: the payment steps of the checkout saga. Every call is keyed by a payment key (the
 * checkout uses the order id) and is idempotent in the way mature payment APIs define it:
 *
 * <ul>
 *   <li>the same key with the same request returns the recorded payment, whatever happened since;
 *   <li>the same key while the first authorization is still with the processor is refused with
 *       {@link PaymentInProgressException} (409): nothing is sent to the processor twice;
 *   <li>the same key with a different request is refused with {@link IdempotencyKeyReusedException}
 *       (422);
 *   <li>payments, and with them their keys, are kept (at least 24 hours; in fact for good, they are
 *       the shop's payment records).
 * </ul>
 *
 * The full card number and the security code are never stored or logged. A card is first handed to
 * the processor, which keeps it and issues a token ({@link #register}); authorizations name the
 * token, so a payment can be authorized later without the card (after an outage of this module, by
 * the checkout saga's recovery). Cleave keeps the token, the card's brand, last four digits and
 * expiry.
 *
 * <p>The same interface is the in-process contract (implemented in {@code payment-core}) and the
 * remote contract of the module's internal HTTP exposure, so its JAX-RS annotations describe the
 * remote form of each call.
 */
@Path("/internal/v1/payment/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface Payments {

  /** Payment keys: letters, digits and dashes (a UUID fits), at most 64 characters. */
  String KEY = "[A-Za-z0-9-]{1,64}";

  /**
   * Hands a card to the processor and returns the payment method it issued. Idempotent like the
   * rest: the same key with the same customer and card (brand, last four, expiry) returns the
   * method issued first; the same key with another request is refused.
   *
   * @param methodKey the idempotency key (the checkout uses the order id)
   * @param request whose card, and the card
   * @return the payment method, with its token
   * @throws CardExpiredException when the card expired before the current month
   * @throws IdempotencyKeyReusedException when the key was used for a different card or customer
   */
  @PUT
  @Path("/methods/{key}")
  PaymentMethod register(
      @PathParam("key") @NotNull @Pattern(regexp = KEY) String methodKey,
      @NotNull @Valid PaymentMethodRequest request);

  /**
   * Asks the card processor to hold the amount on the payment method's card. A declined card or a
   * processor failure is an outcome, not an exception: the payment is {@link
   * PaymentStatus#DECLINED} or {@link PaymentStatus#FAILED} with its {@link PaymentFailure reason},
   * and replaying the call returns that outcome.
   *
   * @param paymentKey the idempotency key (the checkout uses the order id)
   * @param request what to authorize and with which card
   * @return the payment, {@code AUTHORIZED}, {@code DECLINED} or {@code FAILED}
   * @throws PaymentInProgressException when the first authorization under this key has no outcome
   *     yet
   * @throws IdempotencyKeyReusedException when the key was used for a different request
   * @throws UnknownPaymentMethodException when the token is not one of the customer's payment
   *     methods
   * @throws CardExpiredException when the card expired before the current month
   * @throws InvalidAmountException when the amount is not positive
   */
  @PUT
  @Path("/{key}")
  PaymentDetails authorize(
      @PathParam("key") @NotNull @Pattern(regexp = KEY) String paymentKey,
      @NotNull @Valid AuthorizationRequest request);

  /**
   * Takes the authorized amount. Idempotent: capturing a captured (or since refunded) payment
   * changes nothing.
   *
   * @throws PaymentNotFoundException when no payment has this key
   * @throws PaymentStateException when the payment was not authorized, or was voided
   */
  @POST
  @Path("/{key}/capture")
  PaymentDetails capture(@PathParam("key") @NotNull @Pattern(regexp = KEY) String paymentKey);

  /**
   * Lets an authorization go without taking the money. Idempotent; a declined or failed payment has
   * nothing to void and is returned unchanged.
   *
   * @throws PaymentNotFoundException when no payment has this key
   * @throws PaymentStateException when the payment was captured (refund it instead)
   */
  @POST
  @Path("/{key}/void")
  PaymentDetails voidAuthorization(
      @PathParam("key") @NotNull @Pattern(regexp = KEY) String paymentKey);

  /**
   * Gives the captured amount back. Idempotent: refunding a refunded payment changes nothing.
   *
   * @throws PaymentNotFoundException when no payment has this key
   * @throws PaymentStateException when the payment was not captured
   */
  @POST
  @Path("/{key}/refund")
  PaymentDetails refund(@PathParam("key") @NotNull @Pattern(regexp = KEY) String paymentKey);

  /**
   * The payment recorded under a key, in whatever state it is (recovery asks this after a timeout
   * or crash, instead of authorizing again).
   *
   * @throws PaymentNotFoundException when no payment has this key
   */
  @GET
  @Path("/{key}")
  PaymentDetails find(@PathParam("key") @NotNull @Pattern(regexp = KEY) String paymentKey);
}
