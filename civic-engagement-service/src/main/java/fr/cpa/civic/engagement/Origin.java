package fr.cpa.civic.engagement;

/** Who declared an engagement: the volunteer (association volunteering) or the responsible body. */
enum Origin { HOLDER, SERVICE }
