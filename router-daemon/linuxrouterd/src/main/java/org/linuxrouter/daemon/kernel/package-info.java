/**
 * Where the kernel is changed: {@link org.linuxrouter.daemon.kernel.NetlinkKernel} (rtnetlink) and
 * {@link org.linuxrouter.daemon.kernel.Sysctl} (/proc/sys), behind {@link org.linuxrouter.daemon.kernel.KernelPort}.
 * The values here describe only what the daemon owns ({@link org.linuxrouter.daemon.kernel.Ownership}).
 */
package org.linuxrouter.daemon.kernel;
