package com.cloud.utils.component;

import java.util.Map;

/** Test stub: configure() lost its throws clause (CloudStack declares ConfigurationException). */
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

    public boolean configure(String name, Map<String, Object> params) {
        return false;
    }

    public boolean start() {
        return false;
    }

    public boolean stop() {
        return false;
    }
}
