package fr.cpa.account.nir;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A valid NIR (shape and key, see {@link Nir}); null is left to {@code @NotBlank}. */
@Documented
@Constraint(validatedBy = ValidNir.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNir {
    String message() default "is not a valid NIR (15 characters whose last two are the key 97 − number mod 97)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidNir, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Nir.isValid(value);
        }
    }
}
