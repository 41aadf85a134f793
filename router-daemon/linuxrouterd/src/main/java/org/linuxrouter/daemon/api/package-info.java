/**
 * The REST API and where desired state changes: {@link org.linuxrouter.daemon.api.ApiHandler} (rate limit, size,
 * signature, media type), {@link org.linuxrouter.daemon.api.Routes} (one method per resource) and
 * {@link org.linuxrouter.daemon.api.NetworkService} (check, persist, reconcile, answer). Never imports rtnetlink:
 * the kernel is reached only through the reconciler.
 */
package org.linuxrouter.daemon.api;
