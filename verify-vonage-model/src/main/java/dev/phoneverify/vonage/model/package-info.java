/**
 * Vonage Verify's rules in one place, JDK only: v1's workflows, timings and statuses, v2's field constraints. The
 * fake, the emulator and the Vonage adapter all read them here, so they cannot disagree; the core knows nothing of
 * Vonage.
 */
package dev.phoneverify.vonage.model;
