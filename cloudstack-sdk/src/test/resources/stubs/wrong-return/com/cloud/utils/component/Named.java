package com.cloud.utils.component;

/** Test stub: wrong return type (CloudStack returns String). */
public interface Named {
    Object getName();
}
