package com.cloud.utils.component;

import java.util.Map;

/** Test stub: an exact copy of the CloudStack interface (constants made non-constant like the SDK does). */
public interface ComponentLifecycle extends Named {
    int RUN_LEVEL_COMPONENT = Integer.valueOf(0);

    String getName();

    void setName(String name);

    void setConfigParams(Map<String, Object> params);

    Map<String, Object> getConfigParams();

    int getRunLevel();

    void setRunLevel(int level);

    boolean configure(String name, Map<String, Object> params) throws javax.naming.ConfigurationException;

    boolean start();

    boolean stop();
}
