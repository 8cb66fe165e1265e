package fr.cpa.platform.contract;

/** Topic names of EVENTS.md: {@code cpa.<aggregate>.v<major>}, each with a dead-letter twin. */
public final class Topics {
    public static final String HOLDER = "cpa.holder.v1";
    public static final String ACTIVITY = "cpa.activity.v1";
    public static final String EXPOSURE = "cpa.exposure.v1";
    public static final String CPF = "cpa.cpf.v1";
    public static final String FUNDING = "cpa.funding.v1";
    public static final String C2P = "cpa.c2p.v1";
    public static final String CEC = "cpa.cec.v1";
    public static final String ENROLMENT = "cpa.enrolment.v1";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
