/** The router benchmark ({@code bench/router-bench}): ratios against iproute2 baselines measured in the same run. */
package org.linuxrouter.lab.bench;
