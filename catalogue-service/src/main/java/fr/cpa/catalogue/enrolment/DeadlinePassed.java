package fr.cpa.catalogue.enrolment;

import fr.cpa.platform.problem.ProblemException;

/**
 * 409 {@code deadline-passed}: the awaited party acted after its deadline, so the enrolment expired instead.
 * A type of its own so that the transaction which expires the enrolment commits although the action is
 * refused ({@code @Transactional(dontRollbackOn = DeadlinePassed.class)}).
 */
class DeadlinePassed extends ProblemException {

    DeadlinePassed(String detail) {
        super(409, "deadline-passed", "Deadline passed", detail);
    }
}
