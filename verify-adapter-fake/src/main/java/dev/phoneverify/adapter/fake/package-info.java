/** verify-adapter-fake. */
package dev.phoneverify.adapter.fake;
