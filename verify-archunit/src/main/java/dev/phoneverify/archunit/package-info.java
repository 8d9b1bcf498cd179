/**
 * ArchUnit rules for applications that embed phone-verify: {@link dev.phoneverify.archunit.PhoneVerifyRules}. Add
 * this module in test scope.
 */
package dev.phoneverify.archunit;
