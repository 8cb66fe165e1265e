package fr.cpa.gateway.stepup;

import io.smallrye.config.ConfigMapping;
import java.util.List;

/** The routes that spend rights and the authentication levels they require. */
@ConfigMapping(prefix = "cpa.gateway.step-up")
public interface StepUpConfig {

    /** {@code METHOD /path/pattern}, e.g. {@code POST /api/v1/enrolments/{id}/confirm}. */
    List<String> routes();

    /** The {@code acr} values accepted on those routes, e.g. {@code substantial,high}. */
    List<String> acceptedAcr();

    /** The value asked for in {@code acr_values} of the challenge (RFC 9470 §3). */
    String requiredAcr();
}
