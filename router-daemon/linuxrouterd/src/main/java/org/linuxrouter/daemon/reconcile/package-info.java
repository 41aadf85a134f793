/**
 * Level-triggered reconciliation: {@link org.linuxrouter.daemon.reconcile.DesiredKernel} (desired state → kernel
 * objects, pure), {@link org.linuxrouter.daemon.reconcile.Differ} (desired × observed → ordered steps, pure) and
 * {@link org.linuxrouter.daemon.reconcile.Reconciler} (one worker, merged requests, resync, backoff). Knows the kernel
 * only through {@link org.linuxrouter.daemon.kernel.KernelPort}.
 */
package org.linuxrouter.daemon.reconcile;
