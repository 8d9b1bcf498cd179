/** verify-app. */
package dev.phoneverify.app;
