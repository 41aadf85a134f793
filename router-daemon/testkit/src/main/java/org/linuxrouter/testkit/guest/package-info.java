/** The real guest-side clients of the router's services, run in VM network namespaces. */
package org.linuxrouter.testkit.guest;
