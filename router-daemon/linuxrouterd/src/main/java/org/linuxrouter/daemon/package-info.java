/** Placeholder until this module's code lands. */
package org.linuxrouter.daemon;
