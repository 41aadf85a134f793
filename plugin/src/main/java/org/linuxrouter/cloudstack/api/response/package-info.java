/**
 * API responses: CloudStack's conventions (UUIDs, lower-case keys, {@code @Param} docs with {@code since}); no
 * response type has a field for the router's secret. {@link org.linuxrouter.cloudstack.api.response.RouterResponses}
 * fills them from the registry row and CloudStack's zone and physical network.
 */
package org.linuxrouter.cloudstack.api.response;
