package dev.phoneverify.adapter.fake;

/** The gateway operations a tester can script a fault for; one per method of the port. */
public enum Operation {
    START,
    CHECK,
    CANCEL,
    ADVANCE,
    STATUS
}
