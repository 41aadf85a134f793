package com.cloud.utils.component;

import java.util.Map;

/** Test stub: the CloudStack class with a subset of its members, all signatures exact. */
public class ComponentLifecycleBase implements ComponentLifecycle {
    protected String _name;

    public ComponentLifecycleBase() {
    }

    public String getName() {
        return null;
    }

    public void setName(String name) {
    }

    public void setConfigParams(Map<String, Object> params) {
    }

    public Map<String, Object> getConfigParams() {
        return null;
    }

    public int getRunLevel() {
        return 0;
    }

    public void setRunLevel(int level) {
    }

    public boolean configure(String name, Map<String, Object> params) throws javax.naming.ConfigurationException {
        return false;
    }

    public boolean start() {
        return false;
    }

    public boolean stop() {
        return false;
    }
}
