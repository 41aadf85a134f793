package com.cloud.utils.component;

import java.util.List;

/** Test stub: ComponentMethodInterceptable is missing from the implements clause. */
public class AdapterBase extends ComponentLifecycleBase implements Adapter {
    public AdapterBase() {
    }

    public static <T extends Adapter> T getAdapterByName(List<T> adapters, String name) {
        return null;
    }
}
