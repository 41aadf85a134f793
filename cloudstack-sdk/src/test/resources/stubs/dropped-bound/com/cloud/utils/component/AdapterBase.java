package com.cloud.utils.component;

import java.util.List;

/** Test stub: the bound of T is dropped, so the method would link as (List, String) returning Object. */
public class AdapterBase extends ComponentLifecycleBase implements Adapter, ComponentMethodInterceptable {
    public AdapterBase() {
    }

    public static <T> T getAdapterByName(List<T> adapters, String name) {
        return null;
    }
}
