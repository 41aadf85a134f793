/**
 * linuxrouterd's entry point ({@link org.linuxrouter.daemon.Main}) and composition root
 * ({@link org.linuxrouter.daemon.Daemon}), which builds the data path by hand: api → store → reconcile → kernel.
 */
package org.linuxrouter.daemon;
