package com.cloud.utils.component;

import java.util.List;

/** Test stub: an exact copy of the CloudStack class. */
public class AdapterBase extends ComponentLifecycleBase implements Adapter, ComponentMethodInterceptable {
    public AdapterBase() {
    }

    public static <T extends Adapter> T getAdapterByName(List<T> adapters, String name) {
        return null;
    }
}
