/** Placeholder until this module's issue lands. */
package org.linuxrouter.rtnetlink;
