package fr.cpa.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A number with a fraction sent where a whole one is expected is refused, not cut: Jackson by default
 * reads {@code {"amount": 1500.75}} as 1 500 cents, so a client's mistake about the unit (euros for cents)
 * or its rounding would silently move money. It becomes a 400 problem naming the field, like any bad value.
 */
@Singleton
public class WholeNumbersOnly implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
