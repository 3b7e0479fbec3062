package dev.cleave.payment.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A card number whose last digit is its Luhn check digit (ISO/IEC 7812-1), which catches every
 * single mistyped digit and most swapped neighbours. {@code null} and non-digit input are left to
 * {@code @NotNull} and {@code @Pattern}.
 */
@Documented
@Constraint(validatedBy = LuhnValid.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface LuhnValid {

  String message() default "is not a valid card number (check digit)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The check itself. */
  class Validator implements ConstraintValidator<LuhnValid, String> {

    @Override
    public boolean isValid(String number, ConstraintValidatorContext context) {
      if (number == null || !number.matches("[0-9]{2,19}")) {
        return true;
      }
      return passes(number);
    }

    /** True when {@code digits} passes the Luhn check. */
    public static boolean passes(String digits) {
      int sum = 0;
      boolean doubled = false;
      for (int i = digits.length() - 1; i >= 0; i--) {
        int d = digits.charAt(i) - '0';
        if (doubled) {
          d *= 2;
          if (d > 9) {
            d -= 9;
          }
        }
        sum += d;
        doubled = !doubled;
      }
      return sum % 10 == 0;
    }
  }
}
