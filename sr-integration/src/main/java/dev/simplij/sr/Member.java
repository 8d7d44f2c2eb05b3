package dev.simplij.sr;

/**
 * One scored member of a population: a candidate in canonical form with fitted constants.
 *
 * @param birth a per-island counter: the oldest member is the one with the smallest birth
 */
record Member(Candidate candidate, double loss, int complexity, long birth) {
    Member reborn(long newBirth) {
        return new Member(candidate, loss, complexity, newBirth);
    }
}
