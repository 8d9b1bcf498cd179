/** verify-adapter-vonage. */
package dev.phoneverify.adapter.vonage;
